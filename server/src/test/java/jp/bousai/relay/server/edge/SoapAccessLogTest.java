package jp.bousai.relay.server.edge;

import static jp.bousai.relay.server.testing.SoapMessages.PASSWORD;
import static jp.bousai.relay.server.testing.SoapMessages.USER;
import static jp.bousai.relay.server.testing.SoapMessages.distribution;
import static jp.bousai.relay.server.testing.SoapMessages.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.Timeout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.LogCapture;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/**
 * An L-Alert sender is named in the access log by its SOAP user, which is known only from the
 * envelope's UsernameToken, never by its password; a refused one too.
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class SoapAccessLogTest extends RelayTest {

    private int post(String envelope) throws Exception {
        return relay.web().post("/soap/commons").putHeader("Content-Type", "text/xml; charset=utf-8")
                .putHeader("SOAPAction", "\"\"").sendBuffer(Buffer.buffer(envelope)).await(10, TimeUnit.SECONDS)
                .statusCode();
    }

    @Test
    void namesTheSoapUserOfAcceptedAndRefusedPublishes() throws Exception {
        String order = distribution("notice-report-v4.xml");
        String created = "2026-09-01T10:00:00+09:00";
        try (LogCapture access = LogCapture.of(AccessLog.LOGGER)) {
            assertThat(post(publish(order, USER, PASSWORD, created))).isEqualTo(200);
            assertThat(post(publish(order.replace("2026-09-01T", "1996-09-01T"), USER, PASSWORD, created)))
                    .isEqualTo(200);
            assertThat(access.awaitLines(2, Duration.ofSeconds(10))).hasSize(2).allSatisfy(line -> assertThat(line)
                    .contains("caller=" + USER + " method=POST path=/soap/commons").doesNotContain(PASSWORD));
        }
    }
}
