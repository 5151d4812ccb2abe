package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.SoapMessages.PASSWORD;
import static jp.bousai.relay.server.testing.SoapMessages.USER;
import static jp.bousai.relay.server.testing.SoapMessages.distribution;
import static jp.bousai.relay.server.testing.SoapMessages.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/** A captured UsernameToken cannot be replayed with another body after the relay restarted. */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class SoapReplayAfterRestartTest extends RelayTest {

    private static final String NOW = "2026-09-01T10:00:00+09:00";
    private static final String NONCE = "captured-nonce-0001";

    private Future<HttpResponse<Buffer>> post(String soap) {
        return relay.web().post("/soap/commons").putHeader("Content-Type", "text/xml; charset=utf-8")
                .putHeader("SOAPAction", "\"\"").sendBuffer(Buffer.buffer(soap));
    }

    @Test
    void refusesATokenReplayedWithAnotherBodyAfterARestartOnTheSameDataDir(Vertx vertx, VertxTestContext ctx) {
        String original = publish(distribution("evacuation-report-v3-legacy.xml"), USER, PASSWORD, NOW, NONCE);
        String forged = publish(distribution("notice-report-v4.xml"), USER, PASSWORD, NOW, NONCE);
        post(original)
                .compose(accepted -> {
                    ctx.verify(() -> assertThat(accepted.bodyAsString()).contains("<code>0</code>"));
                    return relay.stop();
                })
                .compose(stopped -> RelayFixture.start(vertx, dataDir))
                .compose(restarted -> {
                    relay = restarted;
                    return post(forged);
                })
                .onComplete(ctx.succeeding(replayed -> ctx.verify(() -> {
                    assertThat(replayed.statusCode()).isEqualTo(400);
                    assertThat(replayed.bodyAsString()).contains("FailedAuthentication")
                            .contains("this nonce was already used").doesNotContain("accepted as seq");
                    ctx.completeNow();
                })));
    }
}
