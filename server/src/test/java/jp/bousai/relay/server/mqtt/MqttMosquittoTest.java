package jp.bousai.relay.server.mqtt;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.Mosquitto;
import jp.bousai.relay.server.testing.MqttSubscriber;
import jp.bousai.relay.server.testing.RelayFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT channel against Debian's mosquitto as an external broker, including broker outages. */
class MqttMosquittoTest extends MqttChannelContract {

    @TempDir
    static Path brokerDir;
    private static Mosquitto mosquitto;

    static final String RELAY_USER = "bousai-relay";
    static final String RELAY_PASSWORD = "relay-" + UUID.randomUUID();

    /**
     * Locked down as docs/mqtt.md says: a password file and an ACL under which only the relay's
     * user may write; anonymous clients and the subscriber account may only read.
     */
    @BeforeAll
    static void startBroker() throws Exception {
        Path passwords = passwordFile(brokerDir.resolve("passwd"), RELAY_USER, RELAY_PASSWORD);
        Path acl = Files.writeString(brokerDir.resolve("acl"), "topic read #\n\nuser " + SUBSCRIBER
                + "\ntopic read #\n\nuser " + RELAY_USER + "\ntopic write #\n");
        mosquitto = new Mosquitto(brokerDir.resolve("broker"), "password_file " + passwords + "\nacl_file " + acl + "\n")
                .start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        mosquitto.close();
    }

    @Override
    String brokerUri() {
        return mosquitto.uri();
    }

    @Override
    Map<String, String> brokerEnvironment() {
        return Map.of("BOUSAI_MQTT_MODE", "external", "BOUSAI_MQTT_EXTERNAL_URI", mosquitto.uri(),
                "BOUSAI_MQTT_EXTERNAL_USERNAME", RELAY_USER, "BOUSAI_MQTT_EXTERNAL_PASSWORD", RELAY_PASSWORD);
    }

    @Test
    void publishesCapAlertsWhenConfiguredTo(Vertx vertx) throws Exception {
        Map<String, String> capEnvironment = new java.util.HashMap<>(environment());
        capEnvironment.put("BOUSAI_MQTT_PAYLOAD", "cap");
        capEnvironment.put("BOUSAI_MQTT_TOPIC_PREFIX", prefix + "-cap");
        RelayFixture cap = RelayFixture.start(vertx, dataDir.resolve("cap"), capEnvironment).await(60, TimeUnit.SECONDS);
        try (MqttSubscriber subscriber = new MqttSubscriber(mosquitto.uri(), "sub-" + UUID.randomUUID(),
                prefix + "-cap/actual/13/#", false)) {
            cap.issue(Examples.json(Examples.ORDER), CHIYODA_KEY).await(20, TimeUnit.SECONDS);
            MqttSubscriber.Received message = subscriber.next(WAIT);
            assertThat(message.message().getProperties().getContentType()).isEqualTo("application/cap+xml");
            assertThat(message.payload()).contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">")
                    .contains("<identifier>0d6f2c84-3b1e-4f5a-a2c9-7e8d1b4f6a10-r1</identifier>")
                    .contains("<valueName>distributionID</valueName><value>5b0c3f0e-8a51-4d6a-9c61-2f1a7e4b9d01</value>")
                    .contains("<msgType>Alert</msgType>").contains("<valueName>evacuationLevel</valueName><value>4</value>");
        } finally {
            cap.stop().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBrokerOutageLosesNothingAndKeepsOrder() throws Exception {
        try (MqttSubscriber device = subscribe("/actual/#", true)) {
            mosquitto.stop();
            ObjectNode order = Examples.fresh(Examples.ORDER);
            issue(order);
            issue(order.deepCopy().put("distributionId", UUID.randomUUID().toString()).put("revision", 2)
                    .put("type", "Update"));
            issue(Examples.fresh(Examples.SHELTERS));
            mosquitto.start();
            List<Long> seqs = new ArrayList<>();
            List<Integer> revisions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                MqttSubscriber.Received message = device.next(60);
                assertThat(message).as("message " + (i + 1) + " after the outage").isNotNull();
                JsonObject payload = new JsonObject(message.payload());
                seqs.add(payload.getLong("seq"));
                revisions.add(payload.getJsonObject("advisory").getInteger("revision"));
            }
            assertThat(seqs).containsExactly(1L, 2L, 3L);
            assertThat(revisions).containsExactly(1, 2, 1);
        }
    }

    @Test
    void aRestartWithMessagesPendingLosesNothing(Vertx vertx) throws Exception {
        try (MqttSubscriber device = subscribe("/actual/#", true)) {
            mosquitto.stop();
            issue(Examples.fresh(Examples.ORDER));
            issue(Examples.fresh(Examples.SHELTERS));
            relay.stop().await(30, TimeUnit.SECONDS);
            relay = RelayFixture.start(vertx, dataDir, environment()).await(60, TimeUnit.SECONDS);
            mosquitto.start();
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                MqttSubscriber.Received message = device.next(60);
                assertThat(message).as("message " + (i + 1) + " after the restart").isNotNull();
                seqs.add(new JsonObject(message.payload()).getLong("seq"));
            }
            assertThat(seqs).containsExactly(1L, 2L);
        }
    }
}
