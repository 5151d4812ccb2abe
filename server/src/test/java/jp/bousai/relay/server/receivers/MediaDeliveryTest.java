package jp.bousai.relay.server.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jp.bousai.relay.adapters.cap.CapFormat;
import jp.bousai.relay.adapters.media.WebhookSignature;
import jp.bousai.relay.core.validation.FieldErrors;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/**
 * Media receivers played by real HTTP servers: one that acknowledges, one that fails now and
 * then, one that stays silent, one that is down and comes back (across a restart of the relay).
 * Checked: completeness, order per document, signatures, receipts and their lag.
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class MediaDeliveryTest extends RelayTest {

    /** The test receivers listen on loopback, which only this setting lets the admin API accept. */
    @Override
    protected java.util.Map<String, String> environment() {
        return java.util.Map.of("BOUSAI_RECEIVER_URLS_ALLOW_PRIVATE_ADDRESSES", "true");
    }

    static final String SECRET = "test-secret-0123456789";

    static JsonObject webhook(String id, TestReceiver receiver) {
        return new JsonObject().put("id", id).put("url", receiver.url("/hook")).put("protocol", "webhook-json")
                .put("areas", new JsonArray().add("13")).put("secret", SECRET).put("timeoutSeconds", 1);
    }

    /** The document and revision of each request, in arrival order. */
    static List<String> documentRevisions(List<TestReceiver.Request> requests) {
        return requests.stream().map(r -> r.header("X-Bousai-Document") + "#" + r.header("X-Bousai-Revision")).toList();
    }

    /** Whether every document's revisions arrived in increasing order. */
    static boolean inOrderPerDocument(List<TestReceiver.Request> requests) {
        Map<String, Integer> last = new HashMap<>();
        for (TestReceiver.Request request : requests) {
            int revision = Integer.parseInt(request.header("X-Bousai-Revision"));
            Integer before = last.put(request.header("X-Bousai-Document"), revision);
            if (before != null && before > revision) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anAcknowledgingReceiverGetsEveryDocumentSignedAndInOrderWithReceipts(Vertx vertx, VertxTestContext ctx) {
        ObjectNode first = Examples.fresh(Examples.ORDER);
        ObjectNode other = Examples.fresh(Examples.SHELTERS);
        String documentId = first.get("documentId").asText();
        TestReceiver.start(vertx).compose(receiver -> relay.addReceiver(webhook("portal", receiver))
                .compose(added -> relay.issue(first, RelayFixture.CHIYODA_KEY))
                .compose(v -> relay.issue(Examples.revision(first, 2), RelayFixture.CHIYODA_KEY))
                .compose(v -> relay.issue(other, RelayFixture.CHIYODA_KEY))
                .compose(v -> relay.issue(Examples.revision(first, 3), RelayFixture.CHIYODA_KEY))
                .compose(v -> receiver.until(requests -> documentRevisions(requests).contains(documentId + "#3")
                        && documentRevisions(requests).contains(other.get("documentId").asText() + "#1")))
                .compose(requests -> relay.eventually(() -> relay.deliveries(documentId),
                        receipts -> "delivered".equals(channel(receipts, "receiver:portal").getString("status")))
                        .map(receipts -> Map.entry(requests, receipts))))
                .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
                    List<TestReceiver.Request> requests = result.getKey();
                    assertThat(inOrderPerDocument(requests)).as(documentRevisions(requests).toString()).isTrue();
                    for (TestReceiver.Request request : requests) {
                        long timestamp = Long.parseLong(request.header(WebhookSignature.TIMESTAMP_HEADER));
                        assertThat(request.header(WebhookSignature.SIGNATURE_HEADER))
                                .isEqualTo(WebhookSignature.sign(SECRET, timestamp, request.body().getBytes()));
                        assertThat(new JsonObject(request.body()).getString("documentId"))
                                .isEqualTo(request.header("X-Bousai-Document"));
                    }
                    JsonObject portal = channel(result.getValue(), "receiver:portal");
                    assertThat(portal.getInteger("revision")).isEqualTo(3);
                    JsonArray versions = portal.getJsonArray("versions");
                    assertThat(versions.size()).isEqualTo(3);
                    for (int i = 0; i < versions.size(); i++) {
                        assertThat(versions.getJsonObject(i).getString("status")).isIn("delivered", "superseded");
                    }
                    JsonObject newest = versions.getJsonObject(2);
                    assertThat(newest.getString("status")).isEqualTo("delivered");
                    assertThat(newest.getInteger("attempts")).isEqualTo(1);
                    assertThat(newest.getString("deliveredAt")).isNotNull();
                    assertThat(newest.getLong("lagMillis")).isBetween(0L, 10_000L);
                    ctx.completeNow();
                })));
    }

    @Test
    void failuresAndSilenceAreRetriedUntilAcknowledgedAndRecorded(Vertx vertx, VertxTestContext ctx) {
        List<ObjectNode> documents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            documents.add(Examples.fresh(Examples.ORDER));
        }
        String silentOnce = documents.get(0).get("documentId").asText();
        Set<String> busyOnce = Set.of(documents.get(1).get("documentId").asText(),
                documents.get(3).get("documentId").asText());
        Map<String, AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();
        Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        TestReceiver.start(vertx).compose(receiver -> {
            receiver.answering((request, response) -> {
                String document = request.header("X-Bousai-Document");
                int attempt = attempts.computeIfAbsent(document, d -> new AtomicInteger()).incrementAndGet();
                if (attempt == 1 && document.equals(silentOnce)) {
                    return; // stays silent: the relay's timeout (1 s) must end the attempt
                }
                if (attempt == 1 && busyOnce.contains(document)) {
                    response.setStatusCode(503).end("busy");
                    return;
                }
                acknowledged.add(document);
                response.setStatusCode(204).end();
            });
            Future<Void> issued = relay.addReceiver(webhook("flaky", receiver)).mapEmpty();
            for (ObjectNode document : documents) {
                issued = issued.compose(v -> relay.issue(document, RelayFixture.CHIYODA_KEY)).mapEmpty();
            }
            return issued.compose(v -> receiver.until(requests -> acknowledged.size() == documents.size()));
        }).compose(requests -> {
            List<Future<JsonObject>> receipts = documents.stream().map(d -> relay.eventually(
                    () -> relay.deliveries(d.get("documentId").asText()),
                    r -> "delivered".equals(channel(r, "receiver:flaky").getString("status")))).toList();
            return Future.all(receipts).map(all -> all.<JsonObject>list());
        }).onComplete(ctx.succeeding(receipts -> ctx.verify(() -> {
            Map<String, JsonObject> byDocument = new HashMap<>();
            receipts.forEach(r -> byDocument.put(r.getString("documentId"),
                    channel(r, "receiver:flaky").getJsonArray("versions").getJsonObject(0)));
            for (ObjectNode document : documents) {
                String id = document.get("documentId").asText();
                JsonObject receipt = byDocument.get(id);
                assertThat(receipt.getString("status")).isEqualTo("delivered");
                assertThat(receipt.getInteger("attempts")).as("every attempt is counted").isEqualTo(attempts.get(id).get());
                if (id.equals(silentOnce)) {
                    assertThat(receipt.getInteger("attempts")).as("silence, then a retry").isEqualTo(2);
                    assertThat(receipt.getString("lastError")).contains("1000");
                } else if (busyOnce.contains(id)) {
                    assertThat(receipt.getInteger("attempts")).as("503, then a retry").isEqualTo(2);
                    assertThat(receipt.getString("lastError")).contains("HTTP 503");
                } else {
                    assertThat(receipt.getInteger("attempts")).isEqualTo(1);
                    assertThat(receipt.getString("lastError")).isNull();
                }
            }
            ctx.completeNow();
        })));
    }

    @Test
    void aReceiverThatIsDownGetsEverythingWhenItComesBackEvenAcrossARestart(Vertx vertx, VertxTestContext ctx) {
        List<ObjectNode> documents = List.of(Examples.fresh(Examples.ORDER), Examples.fresh(Examples.ORDER),
                Examples.fresh(Examples.SHELTERS));
        Set<String> ids = documents.stream().map(d -> d.get("documentId").asText()).collect(Collectors.toSet());
        TestReceiver.start(vertx).compose(receiver -> relay.addReceiver(webhook("sleepy", receiver))
                .compose(v -> receiver.stop())
                .compose(v -> {
                    Future<Void> issued = Future.succeededFuture();
                    for (ObjectNode document : documents) {
                        issued = issued.compose(x -> relay.issue(document, RelayFixture.CHIYODA_KEY)).mapEmpty();
                    }
                    return issued;
                })
                .compose(v -> relay.eventually(() -> relay.deliveries(documents.get(0).get("documentId").asText()),
                        r -> "failing".equals(channel(r, "receiver:sleepy").getString("status"))))
                .compose(failing -> {
                    ctx.verify(() -> assertThat(channel(failing, "receiver:sleepy").getJsonArray("versions")
                            .getJsonObject(0).getString("lastError")).containsIgnoringCase("refused"));
                    return relay.stop();
                })
                .compose(v -> RelayFixture.start(vertx, dataDir))
                .compose(restarted -> {
                    relay = restarted;
                    return receiver.restart();
                })
                .compose(v -> receiver.until(requests -> requests.stream()
                        .map(r -> r.header("X-Bousai-Document")).collect(Collectors.toSet()).containsAll(ids))))
                .onComplete(ctx.succeeding(requests -> ctx.verify(() -> {
                    assertThat(requests).extracting(r -> r.header("X-Bousai-Document")).containsAll(ids);
                    ctx.completeNow();
                })));
    }

    @Test
    void aDrillNeverReachesAReceiverThatDidNotAskForDrills(Vertx vertx, VertxTestContext ctx) {
        ObjectNode drill = Examples.fresh(Examples.ORDER).put("mode", "Exercise");
        ObjectNode real = Examples.fresh(Examples.ORDER);
        TestReceiver.start(vertx).compose(receiver -> relay.addReceiver(webhook("real-only", receiver))
                .compose(v -> relay.issue(drill, RelayFixture.CHIYODA_KEY))
                .compose(v -> relay.issue(real, RelayFixture.CHIYODA_KEY))
                .compose(v -> receiver.received(1))
                .compose(requests -> relay.deliveries(drill.get("documentId").asText()).map(receipts -> {
                    ctx.verify(() -> {
                        assertThat(requests).extracting(r -> r.header("X-Bousai-Mode")).containsOnly("Actual");
                        assertThat(receipts.getJsonArray("channels")).as("the drill was never queued for it").isEmpty();
                    });
                    return receipts;
                })))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aCapWebhookGetsSchemaValidCap(Vertx vertx, VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        TestReceiver.start(vertx).compose(receiver -> relay.addReceiver(webhook("cap-reader", receiver)
                        .put("protocol", "webhook-cap"))
                .compose(v -> relay.issue(order, RelayFixture.CHIYODA_KEY))
                .compose(v -> receiver.received(1)))
                .onComplete(ctx.succeeding(requests -> ctx.verify(() -> {
                    TestReceiver.Request request = requests.get(0);
                    assertThat(request.header("Content-Type")).startsWith("application/cap+xml");
                    FieldErrors errors = new FieldErrors();
                    var decoded = new CapFormat().decode(request.body().getBytes(), errors);
                    assertThat(errors.list()).isEmpty();
                    assertThat(decoded.documentId()).isEqualTo(order.get("documentId").asText());
                    assertThat(request.body().toString(StandardCharsets.UTF_8)).contains("<status>Actual</status>");
                    ctx.completeNow();
                })));
    }

    static JsonObject channel(JsonObject receipts, String name) {
        JsonArray channels = receipts.getJsonArray("channels");
        for (int i = 0; i < channels.size(); i++) {
            if (name.equals(channels.getJsonObject(i).getString("channel"))) {
                return channels.getJsonObject(i);
            }
        }
        return new JsonObject();
    }
}
