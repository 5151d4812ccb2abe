package jp.bousai.relay.server.mqtt;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.junit5.Timeout;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.Mosquitto;
import jp.bousai.relay.server.testing.MqttSubscriber;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code mqtt.payload: cap}, subscribers get CAP 1.2 alerts. */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class MqttCapPayloadTest extends RelayTest {

    @TempDir
    static Path brokerDir;
    private static Mosquitto mosquitto;

    @BeforeAll
    static void startBroker() throws Exception {
        mosquitto = new Mosquitto(brokerDir).start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        mosquitto.close();
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("BOUSAI_MQTT_MODE", "external", "BOUSAI_MQTT_EXTERNAL_URI", mosquitto.uri(),
                "BOUSAI_MQTT_PAYLOAD", "cap", "BOUSAI_MQTT_CLIENT_ID", "relay-" + UUID.randomUUID());
    }

    @Test
    void subscribersGetCapAlerts() throws Exception {
        try (MqttSubscriber subscriber = new MqttSubscriber(mosquitto.uri(), "sub-" + UUID.randomUUID(),
                "bousai/v1/actual/13/#", false)) {
            relay.issue(Examples.json(Examples.ORDER), CHIYODA_KEY).await(20, TimeUnit.SECONDS);
            MqttSubscriber.Received message = subscriber.next(20);
            assertThat(message.message().getProperties().getContentType()).isEqualTo("application/cap+xml");
            assertThat(message.payload()).contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">")
                    .contains("<identifier>5b0c3f0e-8a51-4d6a-9c61-2f1a7e4b9d01</identifier>")
                    .contains("<msgType>Alert</msgType>").contains("<valueName>evacuationLevel</valueName><value>4</value>");
        }
    }
}
