package jp.bousai.relay.server.config;

import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.adapters.mqtt.MqttTls;
import jp.bousai.relay.server.mqtt.PasswordFile;

/**
 * The MQTT channel's configuration.
 *
 * @param mode {@code embedded} (start a HiveMQ CE broker in the server), {@code external}
 *        (publish to {@code externalUri}) or {@code off}
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
public record MqttConfig(String mode, String topicPrefix, String clientId, String embeddedHost, int embeddedPort,
                         int embeddedWebsocketPort, String externalUri, String username, String password,
                         OutboundFormat payload, boolean anonymousSubscribers, PasswordFile subscriberAccounts, MqttTls tls) {

    public static final String EMBEDDED = "embedded";
    public static final String EXTERNAL = "external";
    public static final String OFF = "off";

    public boolean enabled() {
        return !OFF.equals(mode);
    }

    /** Where the publisher connects: the embedded broker on loopback, or the external one. */
    public String serverUri() {
        return EMBEDDED.equals(mode) ? "tcp://127.0.0.1:" + embeddedPort : externalUri;
    }

    @Override
    public String toString() {
        return "MqttConfig[mode=" + mode + ", serverUri=" + serverUri() + ", topicPrefix=" + topicPrefix + "]";
    }
}
