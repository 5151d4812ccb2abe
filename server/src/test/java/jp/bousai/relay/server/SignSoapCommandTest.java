package jp.bousai.relay.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/**
 * {@code sign-soap} on the shipped example gives a request that a running relay accepts (the
 * README's "try it" for L-Alert senders), and refuses bad arguments without echoing the password.
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class SignSoapCommandTest extends RelayTest {

    private static final String EXAMPLE = "../config/examples/evacuation-order.commons.xml";

    private String sign(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SignSoapCommand.run(args, Map.of("SOAP_PASSWORD", "demo-chiyoda-pass"), relay.clock(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSignedExampleIsAcceptedByARunningRelay(VertxTestContext ctx) {
        String signed = sign("sign-soap", "--user", "demo-chiyoda", "--password", "demo-chiyoda-pass", EXAMPLE);
        String again = sign("sign-soap", "--user", "demo-chiyoda", "--password-env", "SOAP_PASSWORD", EXAMPLE);
        assertThat(signed).doesNotContain("PLACEHOLDER").doesNotContain("demo-chiyoda-pass");
        relay.web().post("/soap/commons").putHeader("Content-Type", "text/xml; charset=utf-8")
                .sendBuffer(Buffer.buffer(signed))
                .compose(first -> relay.web().post("/soap/commons").putHeader("Content-Type", "text/xml; charset=utf-8")
                        .sendBuffer(Buffer.buffer(again)).map(second -> new String[] {first.bodyAsString(),
                            second.bodyAsString()}))
                .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
                    assertThat(answers[0]).contains("<code>0</code>").contains("accepted as seq 1, document "
                            + "example-131016-evacuation revision 1");
                    assertThat(answers[1]).contains("<code>0</code>").contains("already accepted as seq 1");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesMissingArgumentsAndAFileThatIsNotAPublishRequestWithoutEchoingThePassword() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(SignSoapCommand.run(new String[] {"sign-soap", "--user", "u", EXAMPLE}, Map.of(), relay.clock(),
                out, errors)).isEqualTo(2);
        assertThat(SignSoapCommand.run(new String[] {"sign-soap", "--user", "u", "--password-env", "UNSET", EXAMPLE},
                Map.of(), relay.clock(), out, errors)).isEqualTo(2);
        assertThat(SignSoapCommand.run(new String[] {"sign-soap", "--user", "u", "--password", "s3cret-value",
            "../config/examples/evacuation-order.cap.xml"}, Map.of(), relay.clock(), out, errors)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a password is required")
                .contains("is not an L-Alert publish request").doesNotContain("s3cret-value");
    }
}
