package jp.bousai.relay.adapters.mqtt;

import jp.bousai.relay.adapters.OutboundFormat;

/**
 * How the MQTT channel reaches its broker.
 *
 * @param serverUri e.g. {@code tcp://127.0.0.1:1883}, or {@code ssl://host:8883} for TLS
 * @param clientId the publisher's client id
 * @param username null for none
 * @param password null for none
 * @param topicPrefix the root of the topic tree, e.g. {@code bousai/v1}
 * @param payload the format of the payloads (and of their MQTT 5 content type)
 * @param tls TLS settings for {@code ssl://} and {@code wss://} brokers; null for the JVM's defaults
 */
public record MqttOptions(String serverUri, String clientId, String username, String password, String topicPrefix,
                          OutboundFormat payload, MqttTls tls) {

    @Override
    public String toString() {
        return "MqttOptions[serverUri=" + serverUri + ", clientId=" + clientId + ", username=" + username
                + ", topicPrefix=" + topicPrefix + ", payload=" + payload + ", tls=" + tls + "]";
    }
}
