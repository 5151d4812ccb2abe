package jp.bousai.relay.server.mqtt;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.Mosquitto;
import jp.bousai.relay.server.testing.MqttSubscriber;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The default set-up: the embedded HiveMQ CE broker, also over WebSocket, where only the relay may
 * publish and every other client is a read-only subscriber.
 */
class EmbeddedBrokerTest extends MqttChannelContract {

    private final int tcpPort = Mosquitto.freePort();
    private final int websocketPort = Mosquitto.freePort();

    @Override
    String brokerUri() {
        return "tcp://127.0.0.1:" + tcpPort;
    }

    @Override
    Map<String, String> brokerEnvironment() {
        try {
            return Map.of("BOUSAI_MQTT_MODE", "embedded", "BOUSAI_MQTT_EMBEDDED_PORT", Integer.toString(tcpPort),
                    "BOUSAI_MQTT_EMBEDDED_WEBSOCKET_PORT", Integer.toString(websocketPort),
                    "BOUSAI_MQTT_EMBEDDED_HOST", "127.0.0.1",
                    "BOUSAI_MQTT_EMBEDDED_PASSWORD_FILE", passwordFile(dataDir.resolve("mqtt-passwd")).toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mqtt5And311ClientsReceiveWhatIsIssuedAndReadinessReportsTheBroker() throws Exception {
        String uri = "tcp://127.0.0.1:" + tcpPort;
        BlockingQueue<String> legacy = new LinkedBlockingQueue<>();
        MqttClient v311 = new MqttClient(uri, "v311-" + UUID.randomUUID(), null);
        v311.connect();
        v311.subscribe(prefix + "/actual/13/#", 1, (IMqttMessageListener) (topic, message) ->
                legacy.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        try (MqttSubscriber v5 = new MqttSubscriber(uri, "v5-" + UUID.randomUUID(), prefix + "/actual/13/#", false);
             MqttSubscriber websocket = new MqttSubscriber("ws://127.0.0.1:" + websocketPort + "/mqtt",
                     "ws-" + UUID.randomUUID(), prefix + "/actual/13/#", false)) {
            JsonObject reply = relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY).await(20, TimeUnit.SECONDS);
            MqttSubscriber.Received received = v5.next(30);
            String topic = topic("131016", "EvacuationOrder", reply.getString("documentId"));
            assertThat(received.topic()).isEqualTo(topic);
            assertThat(received.userProperty("documentId")).isEqualTo(reply.getString("documentId"));
            assertThat(websocket.next(30).topic()).isEqualTo(topic);
            assertThat(legacy.poll(30, TimeUnit.SECONDS)).startsWith(topic + " {\"seq\":1,");
        } finally {
            v311.disconnect();
            v311.close();
        }
        JsonObject ready = relay.getJson("/health/ready").await(10, TimeUnit.SECONDS);
        assertThat(ready.getJsonObject("checks").getString("mqtt")).isEqualTo("UP");
        assertThat(relay.metric("bousai_mqtt_connected").await(10, TimeUnit.SECONDS)).isEqualTo(1.0);
    }

    /** The reason code of the broker's answer to a QoS 1 PUBLISH (0 for success), on a connection of its own. */
    private int publishAnswer(String clientId, String user, String password, String topic, boolean retained)
            throws Exception {
        MqttAsyncClient client = connect(clientId, user, password);
        org.eclipse.paho.mqttv5.common.MqttMessage message = new org.eclipse.paho.mqttv5.common.MqttMessage(
                "FORGED".getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(retained);
        try {
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(20_000);
            return token.getReasonCodes()[0];
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            return e.getReasonCode();
        } finally {
            closeQuietly(client);
        }
    }

    /** The reason code of the broker's answer to a SUBSCRIBE at QoS 1 (the granted QoS on success). */
    private static int subscribeAnswer(MqttAsyncClient client, String filter) throws Exception {
        IMqttToken token = client.subscribe(filter, 1);
        try {
            token.waitForCompletion(20_000);
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            return e.getReasonCode();
        }
        return token.getReasonCodes()[0];
    }

    private static void closeQuietly(MqttAsyncClient client) throws Exception {
        if (client.isConnected()) {
            client.disconnectForcibly(1_000);
        }
        client.close(true);
    }

    private MqttAsyncClient connect(String clientId, String user, String password) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(brokerUri(), clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options).waitForCompletion(20_000);
        return client;
    }

    @Test
    void refusesPublishesAndForeignSubscriptionsWithNotAuthorizedAndLogsClientAndTopic() throws Exception {
        Logger authorizer = (Logger) LoggerFactory.getLogger(BrokerAuthorizer.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        authorizer.addAppender(log);
        String forged = prefix + "/actual/13/131016/EvacuationOrder/forged";
        String anonymousId = "anon-" + UUID.randomUUID();
        String aliceId = "alice-" + UUID.randomUUID();
        MqttAsyncClient subscriber = connect(anonymousId + "-sub", null, null);
        try {
            assertThat(publishAnswer(anonymousId, null, null, forged, true)).isEqualTo(0x87);
            assertThat(publishAnswer(aliceId, SUBSCRIBER, SUBSCRIBER_PASSWORD, forged, false)).isEqualTo(0x87);
            assertThat(publishAnswer(anonymousId, null, null, "elsewhere/topic", false)).as("nor outside the prefix")
                    .isEqualTo(0x87);
            assertThat(subscribeAnswer(subscriber, "elsewhere/#")).isEqualTo(0x87);
            assertThat(subscribeAnswer(subscriber, "#")).isEqualTo(0x87);
            assertThat(subscribeAnswer(subscriber, prefix + "/actual/#"))
                    .as("subscriptions under the prefix are granted").isEqualTo(1);
        } finally {
            authorizer.detachAppender(log);
            closeQuietly(subscriber);
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains(anonymousId).contains(forged).contains("PUBLISH refused"))
                .anySatisfy(line -> assertThat(line).contains(aliceId).contains(forged))
                .anySatisfy(line -> assertThat(line).contains(anonymousId + "-sub").contains("elsewhere/#")
                        .contains("SUBSCRIBE refused"));
    }

    @Test
    void noOneElseCanTakeTheRelaysClientIdItsUserNameOrLeaveAWill() throws Exception {
        assertThatThrownBy(() -> connect(relayClientId, null, null)).isInstanceOfSatisfying(
                org.eclipse.paho.mqttv5.common.MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x85));
        assertThatThrownBy(() -> connect(relayClientId, SUBSCRIBER, SUBSCRIBER_PASSWORD)).isInstanceOfSatisfying(
                org.eclipse.paho.mqttv5.common.MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x85));
        assertThatThrownBy(() -> connect("x-" + UUID.randomUUID(), PublisherCredential.USERNAME, "guess"))
                .isInstanceOfSatisfying(org.eclipse.paho.mqttv5.common.MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
        assertThatThrownBy(() -> connect("x-" + UUID.randomUUID(), SUBSCRIBER, "wrong-password"))
                .isInstanceOfSatisfying(org.eclipse.paho.mqttv5.common.MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
        MqttAsyncClient willing = new MqttAsyncClient(brokerUri(), "will-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions withWill = new MqttConnectionOptions();
        org.eclipse.paho.mqttv5.common.MqttMessage will = new org.eclipse.paho.mqttv5.common.MqttMessage(
                "FORGED".getBytes(StandardCharsets.UTF_8));
        will.setRetained(true);
        will.setQos(1);
        withWill.setWill(prefix + "/actual/13/131016/EvacuationOrder/will", will);
        assertThatThrownBy(() -> willing.connect(withWill).waitForCompletion(20_000)).isInstanceOfSatisfying(
                org.eclipse.paho.mqttv5.common.MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x87));
        willing.close();
        try (MqttSubscriber device = subscribe("/actual/#", false)) {
            JsonObject reply = relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY).await(20, TimeUnit.SECONDS);
            assertThat(device.next(WAIT).topic()).as("the relay is still connected and publishing")
                    .isEqualTo(topic("131016", "EvacuationOrder", reply.getString("documentId")));
        }
    }
}
