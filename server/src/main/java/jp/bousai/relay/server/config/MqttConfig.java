package jp.bousai.relay.server.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.adapters.mqtt.MqttTls;
import jp.bousai.relay.server.mqtt.PasswordFile;
import jp.bousai.relay.server.mqtt.PublisherCredential;

/**
 * The MQTT channel's configuration, the {@code mqtt} section.
 *
 * @param mode where advisories are published, if anywhere
 * @param topicPrefix the root of the topic tree
 * @param clientId the publisher's client id
 * @param embeddedHost, embeddedPort, embeddedWebsocketPort the embedded broker's listeners
 *        (MQTT 3.1.1 and 5 over TCP, and over WebSocket at path {@code /mqtt})
 * @param externalUri e.g. {@code tcp://broker:1883} or {@code ssl://broker:8883}
 * @param username, password for the external broker; null for none
 * @param payload {@link OutboundFormat#JSON} (the JSON representation) or {@link OutboundFormat#CAP} (CAP 1.2)
 * @param anonymousSubscribers whether the embedded broker lets clients subscribe without a password
 * @param subscriberAccounts the embedded broker's subscriber accounts (hashes only)
 * @param tls TLS for the external broker (trusted CAs, client certificate); null for the JVM's defaults
 */
public record MqttConfig(Mode mode, String topicPrefix, String clientId, String embeddedHost, int embeddedPort,
                         int embeddedWebsocketPort, String externalUri, String username, String password,
                         OutboundFormat payload, boolean anonymousSubscribers, PasswordFile subscriberAccounts, MqttTls tls) {

    /** {@code mqtt.mode}, written in lower case. */
    public enum Mode {
        /** Start a HiveMQ CE broker in the server and publish to it. */
        EMBEDDED,
        /** Publish to the broker at {@code mqtt.external.uri}. */
        EXTERNAL,
        /** No MQTT. */
        OFF
    }


    public static final Mode DEFAULT_MODE = Mode.EMBEDDED;
    public static final String DEFAULT_TOPIC_PREFIX = "bousai/v1";
    public static final String DEFAULT_CLIENT_ID = "bousai-relay";
    public static final OutboundFormat DEFAULT_PAYLOAD = OutboundFormat.JSON;
    public static final String DEFAULT_EMBEDDED_HOST = "0.0.0.0";
    public static final int DEFAULT_EMBEDDED_PORT = 1883;
    public static final int DEFAULT_EMBEDDED_WEBSOCKET_PORT = 8000;
    public static final boolean DEFAULT_ANONYMOUS_SUBSCRIBERS = true;
    public static final String DEFAULT_EXTERNAL_URI = "tcp://127.0.0.1:1883";

    /** Reads and checks the {@code mqtt} section, naming the key in every error. */
    public static MqttConfig from(ConfigSection mqtt) {
        Mode mode = mqtt.choice("mode", DEFAULT_MODE, Mode.class);
        String prefix = mqtt.string("topic-prefix", DEFAULT_TOPIC_PREFIX);
        if (prefix.isEmpty() || prefix.contains("#") || prefix.contains("+") || prefix.endsWith("/")
                || prefix.startsWith("$")) {
            throw mqtt.error("topic-prefix", "must not contain wildcards, start with '$' or end with "
                    + "'/', got '" + prefix + "'");
        }
        String payloadName = mqtt.string("payload", DEFAULT_PAYLOAD.wireName());
        OutboundFormat payload = List.of(OutboundFormat.JSON, OutboundFormat.CAP).stream()
                .filter(format -> format.wireName().equals(payloadName)).findFirst()
                .orElseThrow(() -> mqtt.error("payload", "must be json or cap, got '" + payloadName + "'"));
        ConfigSection embedded = mqtt.section("embedded");
        ConfigSection external = mqtt.section("external");
        String uri = external.string("uri", DEFAULT_EXTERNAL_URI);
        if (!uri.matches("(tcp|ssl|ws|wss)://[^\\s]+")) {
            throw external.error("uri", "must be tcp://, ssl://, ws:// or wss:// host:port, got '" + uri + "'");
        }
        String username = external.string("username", null);
        String password = external.string("password", null);
        if (password != null && username == null) {
            throw external.error("password", "is set without " + external.key("username"));
        }
        boolean anonymous = embedded.bool("anonymous-subscribers", DEFAULT_ANONYMOUS_SUBSCRIBERS);
        PasswordFile accounts = passwordFile(embedded);
        if (!anonymous && accounts.usernames().isEmpty()) {
            throw embedded.error("anonymous-subscribers",
                    "is false, so " + embedded.key("password-file") + " must list at least one subscriber");
        }
        return new MqttConfig(mode, prefix, mqtt.string("client-id", DEFAULT_CLIENT_ID),
                embedded.string("host", DEFAULT_EMBEDDED_HOST),
                embedded.integer("port", DEFAULT_EMBEDDED_PORT, 0, 65_535),
                embedded.integer("websocket-port", DEFAULT_EMBEDDED_WEBSOCKET_PORT, 0, 65_535), uri, username,
                password, payload, anonymous, accounts, MqttTlsSection.read(external.section("tls"), uri));
    }

    private static PasswordFile passwordFile(ConfigSection embedded) {
        String file = embedded.string("password-file", null);
        if (file == null) {
            return PasswordFile.empty();
        }
        try {
            PasswordFile accounts = PasswordFile.read(Path.of(file));
            if (accounts.usernames().contains(PublisherCredential.USERNAME)) {
                throw embedded.error("password-file", "user name '" + PublisherCredential.USERNAME
                        + "' is reserved for the relay's own publisher");
            }
            return accounts;
        } catch (IOException e) {
            throw embedded.error("password-file", "cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw embedded.error("password-file", file + ": " + e.getMessage());
        }
    }

    public boolean enabled() {
        return mode != Mode.OFF;
    }

    /** Where the publisher connects: the embedded broker on loopback, or the external one. */
    public String serverUri() {
        return mode == Mode.EMBEDDED ? "tcp://127.0.0.1:" + embeddedPort : externalUri;
    }

    @Override
    public String toString() {
        return "MqttConfig[mode=" + ConfigSection.written(mode) + ", serverUri=" + serverUri() + ", topicPrefix="
                + topicPrefix + "]";
    }
}
