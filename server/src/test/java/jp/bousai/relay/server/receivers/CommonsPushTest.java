package jp.bousai.relay.server.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.bousai.relay.adapters.commons.SoapReplies;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.TestReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commons-style pushes: to a second bousai-relay's {@code /soap/commons} (a real L-Alert
 * endpoint with WS-Security checks), and to a receiver answering L-Alert codes other than 0.
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class CommonsPushTest extends RelayTest {

    /** The test receivers listen on loopback, which only this setting lets the admin API accept. */
    @Override
    protected java.util.Map<String, String> environment() {
        return java.util.Map.of("BOUSAI_RECEIVER_URLS_ALLOW_PRIVATE_ADDRESSES", "true");
    }

    @TempDir
    Path downstreamDir;

    @Test
    void aSecondRelayReceivesTheAdvisoryThroughItsSoapEndpoint(Vertx vertx, VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        String documentId = order.get("documentId").asText();
        RelayFixture.start(vertx, downstreamDir).compose(downstream -> relay.addReceiver(new JsonObject()
                        .put("id", "downstream").put("protocol", "commons-soap")
                        .put("url", "http://127.0.0.1:" + downstream.port() + "/soap/commons")
                        .put("username", "demo-chiyoda").put("password", "demo-chiyoda-pass"))
                .compose(v -> relay.issue(order, RelayFixture.CHIYODA_KEY))
                .compose(v -> downstream.eventually(() -> downstream.web().get("/api/v1/advisories/" + documentId)
                        .send(), response -> response.statusCode() == 200))
                .compose(response -> relay.eventually(() -> relay.deliveries(documentId),
                        r -> "delivered".equals(MediaDeliveryTest.channel(r, "receiver:downstream").getString("status")))
                        .compose(receipts -> relay.getJson("/api/v1/advisories/" + documentId))
                        .map(upstream -> java.util.Map.entry(upstream.getJsonObject("advisory"),
                                response.bodyAsJsonObject().getJsonObject("advisory"))))
                .eventually(() -> downstream.stop()))
                .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
                    JsonObject original = both.getKey();
                    JsonObject received = both.getValue();
                    assertThat(received.getString("documentId")).isEqualTo(documentId);
                    assertThat(received.getString("distributionId")).isEqualTo(original.getString("distributionId"));
                    assertThat(received.getJsonObject("evacuation")).isEqualTo(original.getJsonObject("evacuation"));
                    assertThat(received.getJsonObject("headline").getString("ja"))
                            .isEqualTo(original.getJsonObject("headline").getString("ja"));
                    ctx.completeNow();
                })));
    }

    @Test
    void aNonZeroCodeIsAFailedAttemptRecordedWithItsReason(Vertx vertx, VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        String documentId = order.get("documentId").asText();
        AtomicInteger calls = new AtomicInteger();
        TestReceiver.start(vertx).compose(receiver -> {
            receiver.answering((request, response) -> {
                int code = calls.incrementAndGet() == 1 ? SoapReplies.INVALID : SoapReplies.OK;
                response.putHeader("Content-Type", SoapReplies.CONTENT_TYPE)
                        .end(SoapReplies.processResponse(code, code == 0 ? "OK" : "schema check failed"));
            });
            return relay.addReceiver(new JsonObject().put("id", "tv").put("protocol", "commons-soap")
                            .put("url", receiver.url("/MQService")).put("username", "relay").put("password", "secret")
                            .put("areas", new JsonArray().add("131016")))
                    .compose(v -> relay.issue(order, RelayFixture.CHIYODA_KEY))
                    .compose(v -> receiver.received(2))
                    .compose(requests -> relay.eventually(() -> relay.deliveries(documentId),
                            r -> "delivered".equals(MediaDeliveryTest.channel(r, "receiver:tv").getString("status")))
                            .map(receipts -> java.util.Map.entry(requests, receipts)));
        }).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
            String request = result.getKey().get(0).body().toString();
            assertThat(request).contains("UsernameToken").contains("PasswordDigest")
                    .contains("http://xml.publiccommons.ne.jp/pcxml1/4").contains("<pcx_eo:Level>4</pcx_eo:Level>");
            JsonObject receipt = MediaDeliveryTest.channel(result.getValue(), "receiver:tv").getJsonArray("versions")
                    .getJsonObject(0);
            assertThat(receipt.getInteger("attempts")).isEqualTo(2);
            assertThat(receipt.getString("lastError")).isEqualTo("L-Alert code 402: schema check failed");
            ctx.completeNow();
        })));
    }
}
