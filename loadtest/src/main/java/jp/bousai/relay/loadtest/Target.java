package jp.bousai.relay.loadtest;

import jp.bousai.relay.core.advisory.WireNamed;

/**
 * What is measured: bousai-relay itself, or a peer given the same subscribers and payloads
 * (nginx with nchan for SSE, mosquitto for MQTT), set up by {@code loadtest/peers/setup.sh}.
 */
enum Target implements WireNamed {
    /** bousai-relay: issue through its JSON API; SSE, WebSocket and MQTT (its broker) subscribers. */
    RELAY,
    /** nginx + nchan: publish to {@code /pub/<channel>}, SSE subscribers on {@code /sub/<channel>}. */
    NCHAN,
    /** mosquitto: publish at QoS 1 to the relay's topic layout, MQTT subscribers with the same filters. */
    MOSQUITTO
}
