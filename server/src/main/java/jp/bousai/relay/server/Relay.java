package jp.bousai.relay.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import java.time.Clock;
import java.util.List;
import jp.bousai.relay.adapters.mqtt.MqttChannel;
import jp.bousai.relay.feeds.websub.WebSubHub;
import jp.bousai.relay.server.config.MqttConfig;
import jp.bousai.relay.server.config.RelayConfig;
import jp.bousai.relay.server.metrics.RelayMetrics;
import jp.bousai.relay.server.mqtt.EmbeddedBroker;
import jp.bousai.relay.server.outbox.ChannelRouting;
import jp.bousai.relay.server.store.StoreKinds;
import jp.bousai.relay.server.receivers.ReceiverRegistry;
import jp.bousai.relay.core.store.RelayStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: starts the relay in named steps (the embedded broker, the store, the
 * parts, HTTP, the long-lived parts, pruning) and stops it in the reverse order. What the parts
 * are is {@link Components}.
 */
public final class Relay {

    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    private static final long PRUNE_EVERY_MILLIS = 3_600_000;

    private final Vertx vertx;
    private final RelayStore log;
    private final EmbeddedBroker broker;
    private final Components parts;
    private final HttpDeployment http;
    private final StartedParts started;
    private final long pruneTimer;

    private Relay(Vertx vertx, RelayStore log, EmbeddedBroker broker, Components parts, HttpDeployment http,
                  StartedParts started, long pruneTimer) {
        this.vertx = vertx;
        this.log = log;
        this.broker = broker;
        this.parts = parts;
        this.http = http;
        this.started = started;
        this.pruneTimer = pruneTimer;
    }

    /**
     * Starts the embedded MQTT broker (when configured), opens the log, builds the parts on it,
     * starts the HTTP servers and then the long-lived parts (the durable channels first).
     */
    public static Future<Relay> start(Vertx vertx, RelayConfig config, Clock clock) {
        StartupWarnings.log(config);
        RelayMetrics metrics = new RelayMetrics();
        ChannelRouting routing = channelRouting(config.mqtt());
        return startBroker(vertx, config).compose(broker -> StoreKinds.open(vertx, config.store(), clock, routing)
                .compose(log -> {
                    Components parts = new Components(vertx, config, clock, log, broker, routing, metrics);
                    return HttpDeployment.deploy(vertx, parts.http(), parts.endpoints())
                            .compose(http -> StartedParts.start(parts.lifecycles())
                                    .map(started -> new Relay(vertx, log, broker, parts, http, started,
                                            schedulePruning(vertx, log, config, clock))))
                            .onFailure(e -> log.close());
                }));
    }

    /** The channels every accepted version goes to, besides the receivers (which route themselves). */
    private static ChannelRouting channelRouting(MqttConfig mqtt) {
        ChannelRouting routing = new ChannelRouting();
        if (mqtt.enabled()) {
            routing.routeAll(MqttChannel.NAME);
        }
        return routing;
    }

    /** The embedded broker, started, or null when MQTT is off or the broker is another one. */
    private static Future<EmbeddedBroker> startBroker(Vertx vertx, RelayConfig config) {
        return config.mqtt().mode() == MqttConfig.Mode.EMBEDDED
                ? EmbeddedBroker.start(vertx, config.mqtt(), config.store().dataDir()) : Future.succeededFuture(null);
    }

    /** Drops the history older than {@code store.history-retention}, every hour; the timer's id. */
    private static long schedulePruning(Vertx vertx, RelayStore log, RelayConfig config, Clock clock) {
        return vertx.setPeriodic(PRUNE_EVERY_MILLIS, id ->
                log.pruneHistory(clock.instant().minus(config.store().historyRetention()))
                        .onFailure(e -> LOG.warn("pruning the log's history failed", e)));
    }

    /** The MQTT channel's parts, or null when MQTT is off. */
    public MqttParts mqtt() {
        return parts.mqtt();
    }

    public WebSubHub webSub() {
        return parts.webSub();
    }

    public ReceiverRegistry receivers() {
        return parts.receivers();
    }

    /** The HTTP routes (every instance has the same), e.g. to check them against the OpenAPI description. */
    public List<Route> httpRoutes() {
        return http.routes();
    }

    public int port() {
        return http.port();
    }

    public RelayStore log() {
        return log;
    }

    /** Readiness answers 503 from now on, while requests are still served: the first step of stopping. */
    public void drain() {
        parts.health().stopping();
    }

    /**
     * Turns readiness to 503, tells every stream to reconnect elsewhere (SSE {@code event:
     * shutdown}, WebSocket close 1001), stops taking requests and lets those in flight finish
     * within {@code http.shutdown-grace}, stops the long-lived parts (last started first), closes
     * the log once everything queued is written, then stops the embedded broker.
     */
    public Future<Void> stop() {
        drain();
        vertx.cancelTimer(pruneTimer);
        return http.undeploy()
                .transform(v -> started.stop())
                .transform(v -> log.close())
                .transform(v -> broker == null ? Future.<Void>succeededFuture() : broker.stop(vertx));
    }
}
