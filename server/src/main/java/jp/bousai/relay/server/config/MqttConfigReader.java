package jp.bousai.relay.server.config;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.adapters.mqtt.MqttTls;
import jp.bousai.relay.server.mqtt.PasswordFile;
import jp.bousai.relay.server.mqtt.PublisherCredential;

/** Reads and checks the {@code mqtt} section, naming the key in every error. */
final class MqttConfigReader {

    private MqttConfigReader() {
    }

    static MqttConfig read(ConfigSource source) {
        String mode = source.string("mqtt.mode", MqttConfig.EMBEDDED);
        if (!Set.of(MqttConfig.EMBEDDED, MqttConfig.EXTERNAL, MqttConfig.OFF).contains(mode)) {
            throw new ConfigException("mqtt.mode", "must be embedded, external or off, got '" + mode + "'");
        }
        String uri = source.string("mqtt.external.uri", "tcp://127.0.0.1:1883");
        if (!uri.matches("(tcp|ssl|ws|wss)://[^\\s]+")) {
            throw new ConfigException("mqtt.external.uri", "must be tcp://, ssl://, ws:// or wss:// host:port, got '"
                    + uri + "'");
        }
        String prefix = source.string("mqtt.topic-prefix", "bousai/v1");
        if (prefix.isEmpty() || prefix.contains("#") || prefix.contains("+") || prefix.endsWith("/")
                || prefix.startsWith("$")) {
            throw new ConfigException("mqtt.topic-prefix", "must not contain wildcards, start with '$' or end with "
                    + "'/', got '" + prefix + "'");
        }
        String payloadName = source.string("mqtt.payload", OutboundFormat.JSON.wireName());
        OutboundFormat payload = List.of(OutboundFormat.JSON, OutboundFormat.CAP).stream()
                .filter(format -> format.wireName().equals(payloadName)).findFirst()
                .orElseThrow(() -> new ConfigException("mqtt.payload", "must be json or cap, got '" + payloadName + "'"));
        String username = source.string("mqtt.external.username", null);
        String password = source.string("mqtt.external.password", null);
        if (password != null && username == null) {
            throw new ConfigException("mqtt.external.password", "is set without mqtt.external.username");
        }
        boolean anonymous = source.bool("mqtt.embedded.anonymous-subscribers", true);
        PasswordFile accounts = passwordFile(source.string("mqtt.embedded.password-file", null));
        if (!anonymous && accounts.usernames().isEmpty()) {
            throw new ConfigException("mqtt.embedded.anonymous-subscribers",
                    "is false, so mqtt.embedded.password-file must list at least one subscriber");
        }
        return new MqttConfig(mode, prefix, source.string("mqtt.client-id", "bousai-relay"),
                source.string("mqtt.embedded.host", "0.0.0.0"), source.integer("mqtt.embedded.port", 1883, 0, 65_535),
                source.integer("mqtt.embedded.websocket-port", 8000, 0, 65_535), uri, username, password, payload,
                anonymous, accounts, tls(source, uri));
    }

    private static PasswordFile passwordFile(String file) {
        String key = "mqtt.embedded.password-file";
        if (file == null) {
            return PasswordFile.empty();
        }
        try {
            PasswordFile accounts = PasswordFile.read(Path.of(file));
            if (accounts.usernames().contains(PublisherCredential.USERNAME)) {
                throw new ConfigException(key, "user name '" + PublisherCredential.USERNAME
                        + "' is reserved for the relay's own publisher");
            }
            return accounts;
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, file + ": " + e.getMessage());
        }
    }

    private static MqttTls tls(ConfigSource source, String uri) {
        source.node("mqtt.external.tls"); // a section whose keys are all commented out is known, not unknown
        String caFile = source.string("mqtt.external.tls.ca-file", null);
        String certFile = source.string("mqtt.external.tls.cert-file", null);
        String keyFile = source.string("mqtt.external.tls.key-file", null);
        if (caFile == null && certFile == null && keyFile == null) {
            return null;
        }
        String key = caFile != null ? "mqtt.external.tls.ca-file" : certFile != null ? "mqtt.external.tls.cert-file"
                : "mqtt.external.tls.key-file";
        if (!uri.startsWith("ssl://") && !uri.startsWith("wss://")) {
            throw new ConfigException(key, "needs an ssl:// or wss:// mqtt.external.uri, got '" + uri + "'");
        }
        if ((certFile == null) != (keyFile == null)) {
            throw new ConfigException(certFile == null ? "mqtt.external.tls.cert-file" : "mqtt.external.tls.key-file",
                    "required with " + (certFile == null ? "mqtt.external.tls.key-file" : "mqtt.external.tls.cert-file"));
        }
        List<X509Certificate> trusted = caFile == null ? List.of()
                : pem("mqtt.external.tls.ca-file", () -> MqttTls.readCertificates(Path.of(caFile)));
        List<X509Certificate> chain = certFile == null ? List.of()
                : pem("mqtt.external.tls.cert-file", () -> MqttTls.readCertificates(Path.of(certFile)));
        PrivateKey clientKey = keyFile == null ? null
                : pem("mqtt.external.tls.key-file", () -> MqttTls.readPrivateKey(Path.of(keyFile)));
        MqttTls tls = new MqttTls(trusted, chain, clientKey);
        try {
            tls.socketFactory();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
        return tls;
    }

    private interface PemRead<T> {
        T read() throws IOException;
    }

    private static <T> T pem(String key, PemRead<T> read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read: " + e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }
}
