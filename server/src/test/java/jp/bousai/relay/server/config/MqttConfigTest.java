package jp.bousai.relay.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mqtt section: subscriber accounts and the external broker's credentials and TLS, checked at start. */
class MqttConfigTest {

    private static final Path SHIPPED = Path.of("..", "config", "bousai-relay.yaml");

    @TempDir
    Path dir;

    private static MqttConfig parse(String yaml) throws Exception {
        return ConfigLoader.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml), Map.of()).mqtt();
    }

    @Test
    void byDefaultSubscribersAreAnonymousAndThereAreNoAccountsOrCredentials() {
        MqttConfig mqtt = ConfigLoader.load(SHIPPED, Map.of()).mqtt();
        assertThat(mqtt.anonymousSubscribers()).isTrue();
        assertThat(mqtt.subscriberAccounts().usernames()).isEmpty();
        assertThat(mqtt.username()).isNull();
        assertThat(mqtt.password()).isNull();
        assertThat(mqtt.tls()).isNull();
    }

    @Test
    void readsSubscriberAccountsFromAMosquittoPasswordFile() throws Exception {
        Path file = dir.resolve("passwd");
        Process process = new ProcessBuilder("mosquitto_passwd", "-c", "-b", file.toString(), "alice", "s3cret-pass")
                .start();
        assertThat(process.waitFor()).isZero();
        MqttConfig mqtt = parse("mqtt:\n  embedded:\n    password-file: " + file + "\n");
        assertThat(mqtt.subscriberAccounts().usernames()).containsExactly("alice");
        assertThat(mqtt.subscriberAccounts().matches("alice", "s3cret-pass".getBytes())).isTrue();
        assertThat(mqtt.subscriberAccounts().matches("alice", "wrong".getBytes())).isFalse();
    }

    @Test
    void badMqttSecuritySettingsNameTheirKey() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "alice:secret\n");
        assertThatThrownBy(() -> parse("mqtt:\n  embedded:\n    password-file: " + plain + "\n"))
                .hasMessageContaining("'mqtt.embedded.password-file'").hasMessageContaining("line 1")
                .hasMessageNotContaining("secret");
        Path reserved = Files.writeString(dir.resolve("reserved"), "bousai-relay-publisher:$7$101$"
                + "yaUbYNjxjTJA2wAf$DC8KdzNU+kQgUcVRWdYteJu6v+u10dOhwHxL84CBFw5rRWyAj1UCi2fwZeoRIRLb9t4IBZBLluVMI1+Vt9yLzg==\n");
        assertThatThrownBy(() -> parse("mqtt:\n  embedded:\n    password-file: " + reserved + "\n"))
                .hasMessageContaining("'mqtt.embedded.password-file'").hasMessageContaining("reserved");
        assertThatThrownBy(() -> parse("mqtt:\n  embedded:\n    anonymous-subscribers: false\n"))
                .hasMessageContaining("'mqtt.embedded.anonymous-subscribers'");
        assertThatThrownBy(() -> parse("mqtt:\n  external:\n    password: x\n"))
                .hasMessageContaining("'mqtt.external.password'");
        assertThatThrownBy(() -> parse("mqtt:\n  external:\n    tls:\n      ca-file: /nonexistent.pem\n"))
                .hasMessageContaining("'mqtt.external.tls.ca-file'").hasMessageContaining("ssl://");
        assertThatThrownBy(() -> parse("mqtt:\n  external:\n    uri: ssl://broker:8883\n    tls:\n"
                + "      ca-file: " + plain + "\n")).hasMessageContaining("'mqtt.external.tls.ca-file'");
        assertThatThrownBy(() -> parse("mqtt:\n  external:\n    uri: ssl://broker:8883\n    tls:\n"
                + "      cert-file: " + plain + "\n")).hasMessageContaining("'mqtt.external.tls.key-file'");
        assertThatThrownBy(() -> parse("mqtt:\n  topic-prefix: $SYS/x\n")).hasMessageContaining("'mqtt.topic-prefix'");
    }
}
