package jp.bousai.relay.server.mqtt;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import java.nio.file.Files;
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

/**
 * The relay's own connection to an external broker over TLS: Debian's mosquitto with a TLS
 * listener that requires a client certificate, a password file and an ACL, all from a CA made
 * with openssl for this test. The relay trusts only that CA and presents its client certificate.
 */
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
class MqttMosquittoTlsTest extends RelayTest {

    @TempDir
    static Path dir;
    private static Mosquitto mosquitto;
    private static int tlsPort;
    private static final String RELAY_PASSWORD = "relay-" + UUID.randomUUID();
    private final String prefix = "tls-" + UUID.randomUUID().toString().substring(0, 8) + "/v1";

    @BeforeAll
    static void startBroker() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "1",
                "-subj", "/CN=bousai test CA");
        certificate("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        certificate("client", "/CN=bousai-relay", "extendedKeyUsage=clientAuth");
        Path passwords = MqttChannelContract.passwordFile(dir.resolve("passwd"), "bousai-relay", RELAY_PASSWORD);
        Path acl = Files.writeString(dir.resolve("acl"), "topic read #\n\nuser bousai-relay\ntopic write #\n");
        tlsPort = Mosquitto.freePort();
        mosquitto = new Mosquitto(dir.resolve("broker"), "password_file " + passwords + "\nacl_file " + acl
                + "\nlistener " + tlsPort + " 127.0.0.1\ncafile " + dir.resolve("ca.pem") + "\ncertfile "
                + dir.resolve("server.pem") + "\nkeyfile " + dir.resolve("server.key") + "\nrequire_certificate true\n")
                .start();
    }

    private static void certificate(String name, String subject, String extension) throws Exception {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
        Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                name + ".pem", "-days", "1", "-extfile", name + ".ext");
    }

    private static void openssl(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = "openssl";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + output);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        mosquitto.close();
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("BOUSAI_MQTT_MODE", "external", "BOUSAI_MQTT_EXTERNAL_URI", "ssl://127.0.0.1:" + tlsPort,
                "BOUSAI_MQTT_EXTERNAL_USERNAME", "bousai-relay", "BOUSAI_MQTT_EXTERNAL_PASSWORD", RELAY_PASSWORD,
                "BOUSAI_MQTT_EXTERNAL_TLS_CA_FILE", dir.resolve("ca.pem").toString(),
                "BOUSAI_MQTT_EXTERNAL_TLS_CERT_FILE", dir.resolve("client.pem").toString(),
                "BOUSAI_MQTT_EXTERNAL_TLS_KEY_FILE", dir.resolve("client.key").toString(),
                "BOUSAI_MQTT_TOPIC_PREFIX", prefix, "BOUSAI_MQTT_CLIENT_ID", "relay-" + UUID.randomUUID());
    }

    @Test
    void publishesOverTlsWithAClientCertificateAndPasswordToALockedDownMosquitto() throws Exception {
        try (MqttSubscriber subscriber = new MqttSubscriber(mosquitto.uri(), "sub-" + UUID.randomUUID(),
                prefix + "/actual/#", false)) {
            JsonObject reply = relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY).await(20, TimeUnit.SECONDS);
            MqttSubscriber.Received received = subscriber.next(60);
            assertThat(received).as("the order, published over TLS").isNotNull();
            assertThat(received.topic()).isEqualTo(prefix + "/actual/13/131016/EvacuationOrder/"
                    + reply.getString("documentId"));
        }
        JsonObject ready = relay.getJson("/health/ready").await(10, TimeUnit.SECONDS);
        assertThat(ready.getJsonObject("checks").getString("mqtt")).isEqualTo("UP");
    }
}
