package jp.bousai.relay.server.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.TestReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Commons contract end to end: one evacuation order (without text, with a coded sub-area and
 * a point) pushed to a second bousai-relay's {@code /soap/commons} and to a receiver that reads the
 * layout published in docs/formats.md and answers as real receivers do
 * ({@code publishResponse/publishResult/response/code}). Every field a receiver relies on arrives,
 * and both receipts are recorded as delivered at the first attempt.
 */
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class CommonsContractTest extends RelayTest {

    /** The test receivers listen on loopback, which only this setting lets the admin API accept. */
    @Override
    protected java.util.Map<String, String> environment() {
        return java.util.Map.of("BOUSAI_RECEIVER_URLS_ALLOW_PRIVATE_ADDRESSES", "true");
    }

    private static final String RECEIPT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><S:Envelope "
            + "xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><ns2:publishResponse "
            + "xmlns:ns2=\"http://soap.publiccommons.ne.jp/\"><publishResult><response><code>0</code>"
            + "<result>正常終了</result></response></publishResult></ns2:publishResponse></S:Body></S:Envelope>";

    @TempDir
    Path downstreamDir;

    private static ObjectNode order() {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        order.remove("text");
        ObjectNode first = (ObjectNode) order.at("/evacuation/details/0/subAreas/0");
        first.put("code", "131010021001").put("municipality", "131016");
        return order;
    }

    @Test
    void aSecondRelayAndAReceiverOfThePublishedLayoutGetEveryField(Vertx vertx, VertxTestContext ctx) {
        ObjectNode order = order();
        String documentId = order.get("documentId").asText();
        List<Map<String, Object>> read = new CopyOnWriteArrayList<>();
        List<String> unreadable = new CopyOnWriteArrayList<>();
        Future<RelayFixture> downstreamStarted = RelayFixture.start(vertx, downstreamDir);
        Future<TestReceiver> receiverStarted = TestReceiver.start(vertx);
        Future.all(downstreamStarted, receiverStarted).compose(started -> {
            RelayFixture downstream = downstreamStarted.result();
            TestReceiver receiver = receiverStarted.result();
            receiver.answering((request, response) -> {
                try {
                    read.add(CommonsLayoutReader.of(request.body().getBytes()).fields());
                } catch (Exception e) {
                    unreadable.add(e.toString());
                }
                response.putHeader("Content-Type", "text/xml; charset=utf-8").end(RECEIPT);
            });
            return relay.addReceiver(new JsonObject().put("id", "downstream").put("protocol", "commons-soap")
                            .put("url", "http://127.0.0.1:" + downstream.port() + "/soap/commons")
                            .put("username", "demo-chiyoda").put("password", "demo-chiyoda-pass"))
                    .compose(v -> relay.addReceiver(new JsonObject().put("id", "broadcaster").put("protocol", "commons-soap")
                            .put("url", receiver.url("/MQService")).put("username", "relay").put("password", "secret")))
                    .compose(v -> relay.issue(order, RelayFixture.CHIYODA_KEY))
                    .compose(v -> relay.eventually(() -> relay.deliveries(documentId), r ->
                            "delivered".equals(MediaDeliveryTest.channel(r, "receiver:downstream").getString("status"))
                            && "delivered".equals(MediaDeliveryTest.channel(r, "receiver:broadcaster").getString("status"))))
                    .compose(receipts -> downstream.getJson("/api/v1/advisories/" + documentId)
                            .map(received -> Map.entry(receipts, received.getJsonObject("advisory"))))
                    .eventually(() -> downstream.stop());
        }).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
            assertThat(unreadable).isEmpty();
            assertThat(read).hasSize(1);
            Map<String, Object> fields = read.get(0);
            String headline = order.at("/headline/ja").asText();
            assertThat(fields).containsEntry("distributionStatus", "Actual").containsEntry("distributionType", "Report")
                    .containsEntry("controlStatus", "通常").containsEntry("controlDistributionStatus", "Actual")
                    .containsEntry("organizationName", "千代田区").containsEntry("organizationCode", "131016")
                    .containsEntry("officeName", "防災危機管理課").containsEntry("documentID", documentId)
                    .containsEntry("documentRevision", "1").containsEntry("category", "EvacuationOrder")
                    .containsEntry("targetAreas", List.of("131016 千代田区")).containsEntry("title", headline)
                    .containsEntry("reportDateTime", "2026-09-01T10:00:00+09:00").containsEntry("headlineText", "")
                    .containsEntry("headlineAreas", List.of("131016 千代田区")).containsEntry("sort", "避難指示")
                    .containsEntry("level", "4").containsEntry("issueOrLift", "発令");
            assertThat(fields.get("subAreas")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
                    .hasSize(5).startsWith(
                    "神田須田町一丁目|131016|131010021001|35.6951,139.7696,0.2",
                    "神田須田町二丁目|||35.6962,139.7715,0.2");
            JsonObject broadcaster = MediaDeliveryTest.channel(result.getKey(), "receiver:broadcaster")
                    .getJsonArray("versions").getJsonObject(0);
            assertThat(broadcaster.getInteger("attempts")).isEqualTo(1);
            JsonObject received = result.getValue();
            assertThat(received.getString("documentId")).isEqualTo(documentId);
            assertThat(received.getInteger("revision")).isEqualTo(1);
            assertThat(received.getString("mode")).isEqualTo("Actual");
            assertThat(received.getJsonObject("headline").getString("ja")).isEqualTo(headline);
            assertThat(received.getValue("text")).isNull();
            assertThat(received.getJsonObject("sender").getString("name")).isEqualTo("千代田区");
            assertThat(received.getJsonObject("sender").getString("office")).isEqualTo("防災危機管理課");
            assertThat(received.getJsonArray("areas").getJsonObject(0).getString("code")).isEqualTo("131016");
            JsonObject detail = received.getJsonObject("evacuation").getJsonArray("details").getJsonObject(0);
            assertThat(detail.getInteger("level")).isEqualTo(4);
            JsonObject subArea = detail.getJsonArray("subAreas").getJsonObject(0);
            assertThat(subArea.getString("code")).isEqualTo("131010021001");
            assertThat(subArea.getString("municipality")).isEqualTo("131016");
            assertThat(subArea.getJsonObject("circle").getDouble("lat")).isEqualTo(35.6951);
            assertThat(subArea.getJsonObject("circle").getDouble("radiusKm")).isEqualTo(0.2);
            ctx.completeNow();
        })));
    }
}
