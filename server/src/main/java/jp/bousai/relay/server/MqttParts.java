package jp.bousai.relay.server;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import jp.bousai.relay.adapters.mqtt.MqttChannel;
import jp.bousai.relay.adapters.mqtt.MqttOptions;
import jp.bousai.relay.adapters.outbound.OutboundRenderer;
import jp.bousai.relay.core.lifecycle.Lifecycle;
import jp.bousai.relay.server.config.MqttConfig;
import jp.bousai.relay.server.lifecycle.LifecycleVerticle;
import jp.bousai.relay.server.metrics.RelayMetrics;
import jp.bousai.relay.server.mqtt.EmbeddedBroker;
import jp.bousai.relay.server.mqtt.RetainedExpiry;
import jp.bousai.relay.server.outbox.OutboxDispatcher;
import jp.bousai.relay.core.store.RelayStore;

/** The MQTT channel and what drives it: its outbox dispatcher and the sweep clearing expired retained messages. */
public record MqttParts(MqttChannel channel, OutboxDispatcher dispatcher, RetainedExpiry expiry) {

    /** @param broker the embedded broker, whose publisher credential the channel uses; null for an external one */
    static MqttParts create(Vertx vertx, MqttConfig config, EmbeddedBroker broker, RelayStore log, Clock clock,
                            RelayMetrics metrics, OutboundRenderer renderer) {
        boolean embedded = broker != null;
        MqttChannel channel = new MqttChannel(vertx, new MqttOptions(config.serverUri(), config.clientId(),
                embedded ? broker.publisher().username() : config.username(),
                embedded ? broker.publisher().password() : config.password(), config.topicPrefix(),
                config.payload(), embedded ? null : config.tls()), clock, renderer);
        OutboxDispatcher dispatcher = new OutboxDispatcher(vertx, log.deliveries(), channel, clock, metrics);
        log.onCommitted(record -> dispatcher.wake());
        metrics.watchMqtt(channel::isConnected);
        metrics.watchOutbox(channel.name(), dispatcher::depth);
        return new MqttParts(channel, dispatcher, new RetainedExpiry(vertx, log, channel, clock));
    }

    /**
     * The dispatcher first (it starts the channel, and stops it once its attempts in flight have
     * ended), then the sweep, which uses the channel's connection; each on a context of its own.
     */
    List<Lifecycle> lifecycles(Vertx vertx) {
        return List.of(LifecycleVerticle.onOwnContext(vertx, dispatcher), LifecycleVerticle.onOwnContext(vertx, expiry));
    }
}
