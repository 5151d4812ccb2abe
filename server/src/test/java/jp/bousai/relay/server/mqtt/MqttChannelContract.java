package jp.bousai.relay.server.mqtt;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static jp.bousai.relay.server.testing.RelayFixture.TOKYO_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.MqttSubscriber;
import jp.bousai.relay.server.testing.RelayTest;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;

/**
 * What the MQTT channel promises, whatever the broker: run against the embedded HiveMQ broker and
 * against Debian's mosquitto, with real MQTT 5 and 3.1.1 clients.
 */
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
abstract class MqttChannelContract extends RelayTest {

    static final int WAIT = 20;
    final String prefix = "test-" + UUID.randomUUID().toString().substring(0, 8) + "/v1";
    final String relayClientId = "relay-" + UUID.randomUUID();

    /** Where clients reach the broker, e.g. {@code tcp://127.0.0.1:1883}. */
    abstract String brokerUri();

    /** How the server is told to use the broker. */
    abstract Map<String, String> brokerEnvironment();

    /** The user name and password of a subscriber account the broker knows. */
    static final String SUBSCRIBER = "alice";
    static final String SUBSCRIBER_PASSWORD = "alice-reads-only";

    /** A mosquitto password file with the subscriber account and, if given, more user/password pairs. */
    static Path passwordFile(Path file, String... more) throws Exception {
        run("mosquitto_passwd", "-c", "-b", file.toString(), SUBSCRIBER, SUBSCRIBER_PASSWORD);
        for (int i = 0; i < more.length; i += 2) {
            run("mosquitto_passwd", "-b", file.toString(), more[i], more[i + 1]);
        }
        return file;
    }

    /** Runs a command line client to its end; its output. */
    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroy();
            throw new AssertionError("did not finish: " + String.join(" ", command));
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    String port() {
        return brokerUri().substring(brokerUri().lastIndexOf(':') + 1);
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = new java.util.HashMap<>(brokerEnvironment());
        environment.put("BOUSAI_MQTT_TOPIC_PREFIX", prefix);
        environment.put("BOUSAI_MQTT_CLIENT_ID", relayClientId);
        return environment;
    }

    MqttSubscriber subscribe(String filter, boolean persistent) throws Exception {
        return new MqttSubscriber(brokerUri(), "sub-" + UUID.randomUUID(), prefix + filter, persistent);
    }

    JsonObject issue(ObjectNode advisory) throws Exception {
        return relay.issue(advisory, CHIYODA_KEY).await(20, TimeUnit.SECONDS);
    }

    /**
     * What a subscriber connecting now is shown under {@code filter} (topic to payload), as Debian's
     * mosquitto_sub sees it; evacuation orders issued by the relay are the live markers.
     */
    Map<String, String> lateSubscriberSees(String filter, String... options) throws Exception {
        issueAndWitness(Examples.fresh(Examples.ORDER), "/actual/#"); // everything issued before is on the broker
        return LateMosquittoSub.retained(brokerUri(), prefix + filter, () -> issue(Examples.fresh(Examples.ORDER)),
                options);
    }

    /** The retained topics of {@code category} among {@code retained}. */
    List<String> topicsOf(Map<String, String> retained, String category) {
        return retained.keySet().stream().filter(topic -> topic.contains("/" + category + "/")).sorted().toList();
    }

    String topic(String area, String category, String documentId) {
        return prefix + "/actual/13/" + area + "/" + category + "/" + documentId;
    }

    @Test
    void noClientButTheRelayCanPutAnythingUnderThePrefixRetainedOrNot() throws Exception {
        String forged = prefix + "/actual/13/131016/EvacuationOrder/forged";
        String shared = prefix + "/actual/13/131016/EvacuationOrder";
        String[] subscriber = {"-u", SUBSCRIBER, "-P", SUBSCRIBER_PASSWORD};
        try (MqttSubscriber live = subscribe("/#", false)) {
            List<String[]> attempts = List.of(
                    new String[] {"-V", "mqttv5", "-q", "1", "-r", "-t", forged},
                    new String[] {"-V", "mqttv311", "-q", "1", "-r", "-t", forged},
                    new String[] {"-V", "mqttv5", "-q", "0", "-r", "-t", forged},
                    new String[] {"-V", "mqttv5", "-q", "1", "-t", forged},
                    new String[] {"-V", "mqttv5", "-q", "1", "-r", "-t", shared},
                    new String[] {"-V", "mqttv5", "-q", "1", "-r", "-t", forged, subscriber[0], subscriber[1],
                        subscriber[2], subscriber[3]},
                    new String[] {"-V", "mqttv311", "-q", "1", "-r", "-t", shared, subscriber[0], subscriber[1],
                        subscriber[2], subscriber[3]});
            for (String[] attempt : attempts) {
                List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", port(),
                        "-m", "FORGED"));
                command.addAll(List.of(attempt));
                run(command.toArray(new String[0]));
            }
            JsonObject reply = issue(Examples.fresh(Examples.ORDER));
            MqttSubscriber.Received first = live.next(WAIT);
            assertThat(first.payload()).as("a live subscriber gets the relay's order, nothing forged before it")
                    .isNotEqualTo("FORGED");
            assertThat(first.topic()).isEqualTo(topic("131016", "EvacuationOrder", reply.getString("documentId")));
        }
        Map<String, String> late = lateSubscriberSees("/#", "-u", SUBSCRIBER, "-P", SUBSCRIBER_PASSWORD);
        assertThat(late).doesNotContainKeys(forged, shared).doesNotContainValue("FORGED").isNotEmpty();
        assertThat(late.values()).allSatisfy(payload -> assertThat(new JsonObject(payload).getLong("seq")).isPositive());
    }

    @Test
    void publishesEachVersionOnItsAreaTopicWithMqtt5Properties() throws Exception {
        try (MqttSubscriber tokyo = subscribe("/actual/13/#", false)) {
            issue(Examples.fresh(Examples.ORDER).put("mode", "Exercise"));
            JsonObject reply = issue(Examples.fresh(Examples.ORDER));
            MqttSubscriber.Received message = tokyo.next(WAIT);
            assertThat(message).as("the real order (the drill is not on actual/#)").isNotNull();
            assertThat(message.topic()).isEqualTo(topic("131016", "EvacuationOrder", reply.getString("documentId")));
            assertThat(message.message().getQos()).isEqualTo(1);
            JsonObject payload = new JsonObject(message.payload());
            assertThat(payload.getLong("seq")).isEqualTo(2);
            assertThat(payload.getJsonObject("advisory").getString("documentId")).isEqualTo(reply.getString("documentId"));
            assertThat(message.message().getProperties().getContentType()).isEqualTo("application/json");
            assertThat(message.userProperty("seq")).isEqualTo("2");
            assertThat(message.userProperty("documentId")).isEqualTo(reply.getString("documentId"));
            assertThat(message.userProperty("revision")).isEqualTo("1");
            assertThat(message.userProperty("level")).isEqualTo("4");
        }
    }

    /** Issues and returns once a subscriber has seen it on the broker. */
    private JsonObject issueAndWitness(ObjectNode advisory, String filter) throws Exception {
        try (MqttSubscriber witness = subscribe(filter, false)) {
            JsonObject reply = issue(advisory);
            MqttSubscriber.Received seen;
            do {
                seen = witness.next(WAIT);
                assertThat(seen).as("the witness sees seq " + reply.getLong("seq")).isNotNull();
            } while (seen.payload().isEmpty() || new JsonObject(seen.payload()).getLong("seq") < reply.getLong("seq"));
            return reply;
        }
    }

    @Test
    void aLateSubscriberSeesTheCurrentStateAndACancelClearsIt() throws Exception {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        JsonObject reply = issueAndWitness(order, "/actual/#");
        String topic = topic("131016", "EvacuationOrder", reply.getString("documentId"));
        try (MqttSubscriber late = subscribe("/actual/13/131016/EvacuationOrder/+", false)) {
            MqttSubscriber.Received retained = late.next(WAIT);
            assertThat(retained.topic()).isEqualTo(topic);
            assertThat(retained.message().isRetained()).isTrue();
            assertThat(new JsonObject(retained.payload()).getLong("seq")).isEqualTo(reply.getLong("seq"));
        }
        ObjectNode cancel = order.deepCopy().put("distributionId", "cancel-" + UUID.randomUUID()).put("revision", 2)
                .put("type", "Cancel");
        cancel.remove("evacuation");
        try (MqttSubscriber live = subscribe("/actual/13/131016/EvacuationOrder/+", false)) {
            assertThat(live.next(WAIT).message().isRetained()).isTrue();
            issue(cancel);
            MqttSubscriber.Received cancelled = live.next(WAIT);
            assertThat(new JsonObject(cancelled.payload()).getJsonObject("advisory").getString("type"))
                    .isEqualTo("Cancel");
            MqttSubscriber.Received cleared = live.next(WAIT);
            assertThat(cleared.topic()).isEqualTo(topic);
            assertThat(cleared.payload()).as("then the retained state is cleared").isEmpty();
        }
        assertThat(lateSubscriberSees("/actual/13/131016/#")).doesNotContainKey(topic);
    }

    @Test
    void cancellingOneOfTwoSheltersInAnAreaLeavesTheOtherForALateSubscriber() throws Exception {
        ObjectNode first = Examples.fresh(Examples.SHELTERS);
        ObjectNode second = Examples.fresh(Examples.SHELTERS);
        issue(first);
        issue(second);
        String firstTopic = topic("131016", "Shelter", first.get("documentId").asText());
        String secondTopic = topic("131016", "Shelter", second.get("documentId").asText());
        Map<String, String> both = lateSubscriberSees("/actual/13/131016/#");
        assertThat(topicsOf(both, "Shelter")).containsExactlyInAnyOrder(firstTopic, secondTopic);

        ObjectNode cancel = first.deepCopy().put("distributionId", UUID.randomUUID().toString()).put("revision", 2)
                .put("type", "Cancel");
        cancel.remove("shelters");
        issue(cancel);
        Map<String, String> after = lateSubscriberSees("/actual/13/131016/#");
        assertThat(topicsOf(after, "Shelter")).as("the shelter still open is still shown").containsExactly(secondTopic);
        assertThat(new JsonObject(after.get(secondTopic)).getJsonObject("advisory").getString("documentId"))
                .isEqualTo(second.get("documentId").asText());
    }

    @Test
    void anUpdateThatDropsAnAreaClearsTheRetainedStateItLeftThere() throws Exception {
        ObjectNode both = Examples.fresh(Examples.SHELTERS);
        both.putObject("sender").put("code", "130001").put("name", "東京都").put("office", "総務局総合防災部");
        both.putArray("areas").add(area("131016", "千代田区")).add(area("131024", "中央区"));
        relay.issue(both, TOKYO_KEY).await(20, TimeUnit.SECONDS);
        String documentId = both.get("documentId").asText();
        String chiyoda = topic("131016", "Shelter", documentId);
        String chuo = topic("131024", "Shelter", documentId);
        assertThat(topicsOf(lateSubscriberSees("/actual/13/#"), "Shelter")).containsExactly(chiyoda, chuo);

        ObjectNode chiyodaOnly = both.deepCopy().put("distributionId", UUID.randomUUID().toString())
                .put("revision", 2).put("type", "Update");
        chiyodaOnly.putArray("areas").add(area("131016", "千代田区"));
        relay.issue(chiyodaOnly, TOKYO_KEY).await(20, TimeUnit.SECONDS);
        Map<String, String> after = lateSubscriberSees("/actual/13/#");
        assertThat(topicsOf(after, "Shelter")).as("中央区 no longer shows the superseded revision 1")
                .containsExactly(chiyoda);
        assertThat(new JsonObject(after.get(chiyoda)).getJsonObject("advisory").getInteger("revision")).isEqualTo(2);
    }

    private static ObjectNode area(String code, String name) {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("code", code).put("name", name);
    }

    @Test
    void expiryClearsTheRetainedStateByTheServersClock() throws Exception {
        OffsetDateTime now = relay.clock().instant().atOffset(ZoneOffset.ofHours(9));
        ObjectNode expiring = Examples.fresh(Examples.SHELTERS).put("reportTime", now.toString())
                .put("validUntil", now.plusHours(1).toString());
        ObjectNode lasting = Examples.fresh(Examples.SHELTERS).put("reportTime", now.toString())
                .put("validUntil", now.plusHours(6).toString());
        issue(lasting);
        issueAndWitness(expiring, "/actual/#");
        String expiringTopic = topic("131016", "Shelter", expiring.get("documentId").asText());
        String lastingTopic = topic("131016", "Shelter", lasting.get("documentId").asText());
        try (MqttSubscriber late = subscribe("/actual/13/131016/Shelter/" + expiring.get("documentId").asText(), false)) {
            MqttSubscriber.Received retained = late.next(WAIT);
            assertThat(retained.message().isRetained()).isTrue();
            assertThat(retained.message().getProperties().getMessageExpiryInterval()).isBetween(3500L, 3600L);
        }
        relay.clock().advance(Duration.ofMinutes(61));
        assertThat(relay.relay().mqtt().expiry().sweep().await(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(topicsOf(lateSubscriberSees("/actual/13/131016/#"), "Shelter")).containsExactly(lastingTopic)
                .doesNotContain(expiringTopic);
    }

    @Test
    void mqtt311SubscribersAndTheMosquittoCommandLineClientReceiveTheSameMessages() throws Exception {
        List<String> v311 = new ArrayList<>();
        MqttClient legacy = new MqttClient(brokerUri(), "v311-" + UUID.randomUUID(), null);
        legacy.connect();
        CountDownLatch got = new CountDownLatch(1);
        legacy.subscribe(prefix + "/actual/+/131016/#", 1, (IMqttMessageListener) (topic, message) -> {
            v311.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            got.countDown();
        });
        Process cli = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", brokerUri().substring(brokerUri().lastIndexOf(':') + 1),
                "-t", prefix + "/actual/13/131016/#", "-C", "1", "-v", "-W", "60").redirectErrorStream(true).start();
        try {
            // Issue until mosquitto_sub (whose subscription time cannot be observed) prints the order:
            // the retained order reaches it whenever it subscribes, so one issue suffices.
            issue(Examples.fresh(Examples.ORDER));
            String line;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(),
                    StandardCharsets.UTF_8))) {
                line = out.readLine();
            }
            assertThat(got.await(WAIT, TimeUnit.SECONDS)).isTrue();
            assertThat(v311.get(0)).startsWith(prefix + "/actual/13/131016/EvacuationOrder/").contains(" {\"seq\":1,");
            assertThat(line).startsWith(prefix + "/actual/13/131016/EvacuationOrder/").contains(" {\"seq\":1,");
        } finally {
            cli.destroy();
            legacy.disconnect();
            legacy.close();
        }
    }

}
