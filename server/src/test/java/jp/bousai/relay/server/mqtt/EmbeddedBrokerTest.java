package jp.bousai.relay.server.mqtt;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** The default set-up: the embedded HiveMQ CE broker, also over WebSocket. */
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
}
