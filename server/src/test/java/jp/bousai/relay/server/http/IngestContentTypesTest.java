package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.SoapMessages.PASSWORD;
import static jp.bousai.relay.server.testing.SoapMessages.USER;
import static jp.bousai.relay.server.testing.SoapMessages.distribution;
import static jp.bousai.relay.server.testing.SoapMessages.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/**
 * Content types and charsets as real senders write them, on every ingest endpoint: a quoted,
 * upper-case or spaced {@code charset} parameter for UTF-8 is accepted (RFC 9110), any other
 * charset gets a 415 that says so; CAP is taken as application/cap+xml, application/xml and
 * text/xml.
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class IngestContentTypesTest extends RelayTest {

    private static final String NOW = "2026-09-01T10:00:00+09:00";

    private static Buffer capFixture(String name, String identifier) throws Exception {
        String alert = Files.readString(Path.of("..", "adapters", "src", "test", "resources", "cap", name));
        return Buffer.buffer(alert.replace("<identifier>chiyoda-notice-001</identifier>",
                "<identifier>" + identifier + "</identifier>"));
    }

    private Future<HttpResponse<Buffer>> postCap(Buffer body, String contentType) {
        return relay.web().post("/api/v1/cap").putHeader("Authorization", "Bearer " + RelayFixture.CHIYODA_KEY)
                .putHeader("Content-Type", contentType).sendBuffer(body);
    }

    private Future<HttpResponse<Buffer>> postSoap(String soap, String contentType) {
        return relay.web().post("/soap/commons").putHeader("Content-Type", contentType)
                .putHeader("SOAPAction", "\"\"").sendBuffer(Buffer.buffer(soap));
    }

    @Test
    void jsonTakesAQuotedUtf8CharsetAndRefusesOthers(VertxTestContext ctx) {
        relay.postRaw(Buffer.buffer(Examples.fresh(Examples.ORDER).toString()), "application/json; charset=\"UTF-8\"",
                        RelayFixture.CHIYODA_KEY)
                .compose(quoted -> relay.postRaw(Buffer.buffer(Examples.fresh(Examples.ORDER).toString()),
                        "application/json;charset=Shift_JIS", RelayFixture.CHIYODA_KEY).map(other -> {
                            assertThat(quoted.statusCode()).as(quoted.bodyAsString()).isEqualTo(201);
                            return other;
                        }))
                .onComplete(ctx.succeeding(other -> ctx.verify(() -> {
                    assertThat(other.statusCode()).isEqualTo(415);
                    assertThat(other.bodyAsJsonObject().getString("detail")).contains("only UTF-8")
                            .contains("Shift_JIS");
                    ctx.completeNow();
                })));
    }

    @Test
    void capIsTakenAsCapXmlApplicationXmlAndTextXmlWithQuotedCharsets(VertxTestContext ctx) throws Exception {
        Buffer one = capFixture("notice.xml", "ct-1");
        Buffer two = capFixture("notice.xml", "ct-2");
        Buffer three = capFixture("notice.xml", "ct-3");
        Buffer four = capFixture("notice.xml", "ct-4");
        postCap(one, "application/cap+xml; charset=\"utf-8\"")
                .compose(a -> postCap(two, "application/xml").map(b -> new int[] {a.statusCode(), b.statusCode()}))
                .compose(ab -> postCap(three, "Text/XML ; Charset=\"UTF-8\"")
                        .map(c -> new int[] {ab[0], ab[1], c.statusCode()}))
                .compose(abc -> postCap(four, "application/cap+xml; charset=iso-8859-1").map(refused -> {
                    assertThat(abc).containsExactly(201, 201, 201);
                    return refused;
                }))
                .onComplete(ctx.succeeding(refused -> ctx.verify(() -> {
                    assertThat(refused.statusCode()).isEqualTo(415);
                    assertThat(refused.bodyAsJsonObject().getString("detail")).contains("only UTF-8")
                            .contains("iso-8859-1");
                    ctx.completeNow();
                })));
    }

    @Test
    void theSoapEndpointTakesAQuotedCharsetAndRefusesOthers(VertxTestContext ctx) {
        String soap = publish(distribution("evacuation-report-v3-legacy.xml"), USER, PASSWORD, NOW);
        postSoap(soap, "text/xml; charset=\"UTF-8\"")
                .compose(quoted -> postSoap(soap, "text/xml; charset=windows-31j").map(other -> {
                    assertThat(quoted.statusCode()).as(quoted.bodyAsString()).isEqualTo(200);
                    assertThat(quoted.bodyAsString()).contains("<code>0</code>");
                    return other;
                }))
                .onComplete(ctx.succeeding(other -> ctx.verify(() -> {
                    assertThat(other.statusCode()).isEqualTo(415);
                    assertThat(other.bodyAsString()).contains("only UTF-8").contains("windows-31j");
                    ctx.completeNow();
                })));
    }
}
