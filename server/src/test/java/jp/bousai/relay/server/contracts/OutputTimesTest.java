package jp.bousai.relay.server.contracts;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.bousai.relay.core.advisory.Timestamps;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.SseClient;
import jp.bousai.relay.server.testing.TestReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * One time format across every JSON and Atom output (docs/api.md, "Times"): whole seconds and a
 * numeric offset, never {@code Z}; the advisory's times keep the sender's offset, the server's
 * times are UTC as {@code +00:00}. The advisory is sent with a fraction of a second and a
 * {@code Z} time, and received at a time with milliseconds (the test clock runs), so that every
 * output has to format.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutputTimesTest extends RelayTest {

    /** The test receivers listen on loopback, which only this setting lets the admin API accept. */
    @Override
    protected java.util.Map<String, String> environment() {
        return java.util.Map.of("BOUSAI_RECEIVER_URLS_ALLOW_PRIVATE_ADDRESSES", "true");
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ANY_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*";

    @Test
    void everyOutputWritesWholeSecondsWithANumericOffset(Vertx vertx) throws Exception {
        Promise<JsonObject> wsAdvisory = Promise.promise();
        // Held until the end: Vert.x closes a client that is no longer referenced when it is collected.
        WebSocketClient wsClient = vertx.createWebSocketClient();
        WebSocket socket = wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(relay.port()).setURI("/api/v1/ws")).await(10, TimeUnit.SECONDS);
        Promise<Void> subscribed = Promise.promise();
        socket.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            if ("subscribed".equals(message.getString("type"))) {
                subscribed.tryComplete();
            } else if ("advisory".equals(message.getString("type"))) {
                wsAdvisory.tryComplete(message);
            }
        });
        socket.writeTextMessage("{\"type\":\"subscribe\",\"area\":\"13\"}");
        subscribed.future().await(10, TimeUnit.SECONDS);

        TestReceiver receiver = TestReceiver.start(vertx).await(10, TimeUnit.SECONDS);
        relay.addReceiver(new JsonObject().put("id", "portal").put("url", receiver.url("/hook"))
                .put("protocol", "webhook-json").put("secret", "test-secret-0123456789")
                .put("areas", new io.vertx.core.json.JsonArray().add("13")))
                .await(10, TimeUnit.SECONDS);
        SseClient sse = relay.stream("/api/v1/stream?area=13").await(10, TimeUnit.SECONDS);
        Instant before = relay.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode order = Examples.fresh(Examples.ORDER);
        order.put("reportTime", "2026-09-01T10:00:00.750+09:00");
        order.put("targetTime", "2026-09-01T10:00:30.5+09:00");
        order.put("validUntil", "2026-09-02T01:00:00Z");
        String documentId = order.get("documentId").asText();
        relay.issue(order, CHIYODA_KEY).await(10, TimeUnit.SECONDS);
        Instant after = relay.clock().instant();

        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("document JSON", relay.web().get("/api/v1/advisories/" + documentId).send()
                .await(10, TimeUnit.SECONDS).bodyAsString());
        outputs.put("list JSON", relay.web().get("/api/v1/advisories?area=13").send()
                .await(10, TimeUnit.SECONDS).bodyAsString());
        outputs.put("SSE advisory", sse.advisories(1).await(10, TimeUnit.SECONDS).get(0).data());
        outputs.put("WebSocket advisory", wsAdvisory.future().await(10, TimeUnit.SECONDS).encode());
        outputs.put("webhook JSON", receiver.received(1).await(10, TimeUnit.SECONDS).get(0).body().toString());
        outputs.put("deliveries view", relay.eventually(() -> relay.deliveries(documentId),
                view -> view.getJsonArray("channels").size() > 0 && view.getJsonArray("channels").getJsonObject(0)
                        .getJsonArray("versions").getJsonObject(0).getString("deliveredAt") != null)
                .await(10, TimeUnit.SECONDS).encode());
        String atom = relay.web().get("/feeds/atom?area=13").send().await(10, TimeUnit.SECONDS).bodyAsString();
        socket.close();
        wsClient.close();
        receiver.stop();

        for (var output : outputs.entrySet()) {
            List<String> times = new ArrayList<>();
            collectTimes(MAPPER.readTree(output.getValue()), times);
            assertThat(times).as(output.getKey() + " has times").isNotEmpty();
            assertThat(times).as(output.getKey() + ": " + output.getValue())
                    .allSatisfy(time -> assertThat(time).matches(Timestamps.PATTERN));
        }
        for (String name : List.of("document JSON", "list JSON", "SSE advisory", "WebSocket advisory", "webhook JSON")) {
            String body = outputs.get(name);
            assertThat(body).as(name).contains("\"reportTime\":\"2026-09-01T10:00:00+09:00\"")
                    .contains("\"targetTime\":\"2026-09-01T10:00:30+09:00\"")
                    .contains("\"validUntil\":\"2026-09-02T01:00:00+00:00\"");
        }
        String receivedAt = MAPPER.readTree(outputs.get("document JSON")).get("receivedAt").asText();
        assertThat(receivedAt).endsWith("+00:00");
        assertThat(OffsetDateTime.parse(receivedAt).toInstant()).isBetween(before, after);
        for (String name : List.of("list JSON", "SSE advisory", "WebSocket advisory")) {
            assertThat(outputs.get(name)).as(name).contains("\"receivedAt\":\"" + receivedAt + "\"");
        }
        assertThat(outputs.get("deliveries view")).contains("\"queuedAt\":\"" + receivedAt + "\"");

        List<String> atomTimes = atomTimes(atom);
        assertThat(atomTimes).hasSize(3).allSatisfy(time -> assertThat(time).matches(Timestamps.PATTERN));
        assertThat(atomTimes).containsExactly(receivedAt, receivedAt, "2026-09-01T10:00:00+09:00");
    }

    /** Every string value that looks like a date-time, anywhere in the tree. */
    private static void collectTimes(JsonNode node, List<String> times) {
        if (node.isTextual() && node.textValue().matches(ANY_TIME)) {
            times.add(node.textValue());
        }
        node.elements().forEachRemaining(child -> collectTimes(child, times));
    }

    /** The feed's {@code updated}, then each entry's {@code updated} and {@code published}. */
    private static List<String> atomTimes(String atom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        List<String> times = new ArrayList<>();
        for (String name : List.of("updated", "published")) {
            NodeList found = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
            for (int i = 0; i < found.getLength(); i++) {
                times.add(found.item(i).getTextContent());
            }
        }
        return times;
    }
}
