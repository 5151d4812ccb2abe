package jp.bousai.relay.server;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.bousai.relay.adapters.cap.CapFormat;
import jp.bousai.relay.adapters.cap.CapRenderer;
import jp.bousai.relay.adapters.cap.CapSignatures;
import jp.bousai.relay.adapters.commons.NonceStore;
import jp.bousai.relay.adapters.commons.UsernameTokenVerifier;
import jp.bousai.relay.adapters.json.JsonFormat;
import jp.bousai.relay.adapters.mqtt.MqttChannel;
import jp.bousai.relay.adapters.mqtt.MqttOptions;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.feeds.http.FeedEndpoints;
import jp.bousai.relay.feeds.live.LiveHub;
import jp.bousai.relay.feeds.sse.SseEndpoint;
import jp.bousai.relay.feeds.stream.Streams;
import jp.bousai.relay.feeds.websub.WebSubHub;
import jp.bousai.relay.feeds.ws.WsEndpoint;
import jp.bousai.relay.server.auth.AdminKeys;
import jp.bousai.relay.server.auth.ApiKeys;
import jp.bousai.relay.server.config.AdminKeyConfig;
import jp.bousai.relay.server.config.ApiKeyConfig;
import jp.bousai.relay.server.config.HttpOptions;
import jp.bousai.relay.server.config.MqttConfig;
import jp.bousai.relay.server.config.RelayConfig;
import jp.bousai.relay.server.config.SoapUserConfig;
import jp.bousai.relay.server.edge.Edge;
import jp.bousai.relay.server.health.EventLoopProbe;
import jp.bousai.relay.server.health.HealthEndpoints;
import jp.bousai.relay.server.http.CapAcknowledgement;
import jp.bousai.relay.server.http.CommonsSoapEndpoint;
import jp.bousai.relay.server.http.HttpVerticle;
import jp.bousai.relay.server.http.IngestHandler;
import jp.bousai.relay.server.http.limits.ConnectionGuard;
import jp.bousai.relay.server.http.limits.RateLimits;
import jp.bousai.relay.server.ingest.IngestService;
import jp.bousai.relay.server.metrics.MetricsEndpoint;
import jp.bousai.relay.server.metrics.RelayMetrics;
import jp.bousai.relay.server.mqtt.EmbeddedBroker;
import jp.bousai.relay.server.mqtt.RetainedExpiry;
import jp.bousai.relay.server.outbox.ChannelRouting;
import jp.bousai.relay.server.outbox.OutboxDispatcher;
import jp.bousai.relay.server.receivers.DeliveriesEndpoint;
import jp.bousai.relay.server.receivers.ReceiverRegistry;
import jp.bousai.relay.server.receivers.ReceiversEndpoint;
import jp.bousai.relay.server.store.sqlite.SqliteAdvisoryLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part from the configuration and starts them in order. */
public final class Relay {

    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    private static final long PRUNE_EVERY_MILLIS = 3_600_000;

    private final Vertx vertx;
    private final SqliteAdvisoryLog log;
    private final List<String> deployments;
    private final int port;
    private final long pruneTimer;
    private final EmbeddedBroker broker;
    private final Mqtt mqtt;
    private final ReceiverRegistry receivers;
    private final WebSubHub webSub;
    private final HealthEndpoints health;
    private final HttpVerticle http;

    private Relay(Vertx vertx, SqliteAdvisoryLog log, Started started, long pruneTimer, EmbeddedBroker broker,
                  Mqtt mqtt, ReceiverRegistry receivers, WebSubHub webSub, HealthEndpoints health) {
        this.vertx = vertx;
        this.log = log;
        this.deployments = started.deployments();
        this.port = started.port();
        this.http = started.http();
        this.pruneTimer = pruneTimer;
        this.broker = broker;
        this.mqtt = mqtt;
        this.receivers = receivers;
        this.webSub = webSub;
        this.health = health;
    }

    /** The MQTT channel and what drives it. */
    public record Mqtt(MqttChannel channel, OutboxDispatcher dispatcher, RetainedExpiry expiry) {

        static Mqtt create(Vertx vertx, MqttConfig config, EmbeddedBroker broker, SqliteAdvisoryLog log, Clock clock,
                           RelayMetrics metrics, CapRenderer cap) {
            boolean embedded = broker != null;
            MqttChannel channel = new MqttChannel(vertx, new MqttOptions(config.serverUri(), config.clientId(),
                    embedded ? broker.publisher().username() : config.username(),
                    embedded ? broker.publisher().password() : config.password(), config.topicPrefix(),
                    MqttConfig.CAP.equals(config.payload()), embedded ? null : config.tls()), clock, cap);
            OutboxDispatcher dispatcher = new OutboxDispatcher(vertx, log.deliveries(), channel, clock, metrics);
            log.onCommitted(record -> dispatcher.wake());
            metrics.watchMqtt(channel::isConnected);
            metrics.watchOutbox(channel.name(), dispatcher::depth);
            return new Mqtt(channel, dispatcher, new RetainedExpiry(vertx, log, channel, clock));
        }

        Future<Void> start() {
            return channel.start().onSuccess(v -> {
                dispatcher.start();
                expiry.start();
            });
        }

        Future<Void> stop() {
            dispatcher.stop();
            expiry.stop();
            return channel.stop();
        }
    }

    /** The MQTT channel's parts, or null when MQTT is off. */
    public Mqtt mqtt() {
        return mqtt;
    }

    /**
     * Starts the embedded MQTT broker (when configured), opens the log, wires the hub to it,
     * starts the HTTP servers and then the durable channels.
     */
    public static Future<Relay> start(Vertx vertx, RelayConfig config, Clock clock) {
        warnAboutDemoCredentials(config);
        if (config.ingestClosed()) {
            LOG.warn("ingest is closed: no API keys (auth.api-keys) and no SOAP users (auth.soap-users) are "
                    + "configured, so every advisory sent is refused with 401. Streams and feeds are served.");
        } else if (config.apiKeys().isEmpty()) {
            LOG.warn("no API keys (auth.api-keys) are configured: JSON and CAP ingest is closed; only the "
                    + "configured L-Alert SOAP users can issue");
        }
        if (!config.cap().publicUrlConfigured()) {
            LOG.warn("[config: http.public-url] not set: CAP alerts link to {}, which only this host can follow",
                    config.cap().publicUrl());
        }
        RelayMetrics metrics = new RelayMetrics();
        MqttConfig mqtt = config.mqtt();
        ChannelRouting routing = new ChannelRouting();
        if (mqtt.enabled()) {
            routing.routeAll(MqttChannel.NAME);
        }
        Future<EmbeddedBroker> broker = MqttConfig.EMBEDDED.equals(mqtt.mode())
                ? EmbeddedBroker.start(vertx, mqtt, config.store().dataDir()) : Future.succeededFuture(null);
        return broker.compose(startedBroker -> SqliteAdvisoryLog.open(vertx, config.store(), clock, routing)
                .compose(log -> {
                    CapRenderer cap = new CapRenderer(config.cap().publicUrl());
                    Mqtt mqttParts = mqtt.enabled() ? Mqtt.create(vertx, mqtt, startedBroker, log, clock, metrics, cap)
                            : null;
                    metrics.watchPendingWrites(log::pendingWrites);
                    LiveHub hub = new LiveHub(config.stream().heartbeat());
                    log.onCommitted(hub);
                    Streams streams = new Streams(log, hub, clock, metrics, config.stream());
                    EventLoopProbe probe = new EventLoopProbe();
                    ApiKeys apiKeys = new ApiKeys(config.apiKeys());
                    AdminKeys adminKeys = new AdminKeys(config.adminKeys().stream().map(AdminKeyConfig::sha256).toList());
                    ReceiverRegistry receivers = new ReceiverRegistry(vertx, log.deliveries(), log.receivers(), routing,
                            clock, metrics, cap);
                    log.onCommitted(record -> receivers.wakeAll());
                    WebSubHub webSub = new WebSubHub(vertx, log, log.webSub(), clock);
                    RateLimits rateLimits = new RateLimits(config.limits(), metrics);
                    HealthEndpoints health = new HealthEndpoints(log, probe,
                            mqttParts == null ? null : mqttParts.channel()::isConnected);
                    IngestService ingest = new IngestService(vertx, log, metrics, clock);
                    var routes = new HttpVerticle.Routes(
                            new IngestHandler(new JsonFormat(), apiKeys, ingest, metrics, null, rateLimits),
                            new IngestHandler(new CapFormat(capSignatures(config)), apiKeys, ingest, metrics,
                                    new CapAcknowledgement(clock), rateLimits),
                            new CommonsSoapEndpoint(soapVerifier(config, clock, log.soapNonces()), ingest, metrics,
                                    rateLimits),
                            new FeedEndpoints(log, clock, cap),
                            new SseEndpoint(streams),
                            new WsEndpoint(streams),
                            new MetricsEndpoint(metrics),
                            health,
                            probe, new ReceiversEndpoint(adminKeys, receivers, config.receiverPrivateAddresses()),
                            new DeliveriesEndpoint(log, log.deliveries(), log::ownerOf, apiKeys, adminKeys, clock), webSub,
                            rateLimits, new ConnectionGuard.Shared(config.limits(), metrics));
                    return deployHttp(vertx, config.http(), routes, new Edge(config, clock))
                            .compose(started -> mqttParts == null ? Future.succeededFuture(started)
                                    : mqttParts.start().map(started))
                            .compose(started -> receivers.start(config.receivers()).map(started))
                            .compose(started -> webSub.start().map(started))
                            .map(started -> {
                                long pruneTimer = vertx.setPeriodic(PRUNE_EVERY_MILLIS, id ->
                                        log.pruneHistory(clock.instant().minus(config.store().historyRetention()))
                                                .onFailure(e -> LOG.warn("pruning the log's history failed", e)));
                                return new Relay(vertx, log, started, pruneTimer,
                                        startedBroker, mqttParts, receivers, webSub, health);
                            })
                            .onFailure(e -> log.close());
                }));
    }

    private record Started(List<String> deployments, int port, HttpVerticle http) {
    }

    /**
     * Deploys every instance at once on the configured port. Port 0 (any free port) becomes a
     * Vert.x shared random port: a negative number that every instance of this relay binds, so
     * that they share the one port picked. It is drawn at random so that another relay in the same
     * Vert.x (as in tests) gets a port of its own.
     */
    private static Future<Started> deployHttp(Vertx vertx, HttpOptions options, HttpVerticle.Routes routes,
                                              Edge edge) {
        int sharedRandomPort = -ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        HttpOptions shared = options.port() != 0 ? options
                : new HttpOptions(options.host(), sharedRandomPort, options.maxBodyBytes(), options.instances(),
                        options.acceptBacklog());
        List<HttpVerticle> instances = new java.util.concurrent.CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> {
            HttpVerticle instance = new HttpVerticle(shared, routes, edge);
            instances.add(instance);
            return instance;
        }, new DeploymentOptions().setInstances(options.instances()))
                .map(id -> new Started(List.of(id), instances.get(0).actualPort(), instances.get(0)));
    }

    /** The certificates that senders' CAP alerts must be signed with, by API key id. */
    private static CapSignatures capSignatures(RelayConfig config) {
        Map<String, X509Certificate> required = new HashMap<>();
        config.apiKeys().stream().filter(key -> key.capCertificate() != null)
                .forEach(key -> required.put(key.id(), key.capCertificate()));
        return new CapSignatures(required, config.cap().allowSha1Signatures());
    }

    private static UsernameTokenVerifier soapVerifier(RelayConfig config, Clock clock, NonceStore nonces) {
        Map<String, UsernameTokenVerifier.User> users = new HashMap<>();
        for (SoapUserConfig user : config.soapUsers()) {
            Issuer issuer = user.areas().isEmpty() ? Issuer.forSender(user.username(), user.sender())
                    : new Issuer(user.username(), user.sender(), user.areas());
            users.put(user.username(), new UsernameTokenVerifier.User(user.password(), issuer));
        }
        return new UsernameTokenVerifier(users, clock, config.soapCreatedWindow(), nonces);
    }

    private static void warnAboutDemoCredentials(RelayConfig config) {
        config.apiKeys().stream().filter(ApiKeyConfig::demo).forEach(key -> LOG.warn(
                "DEMO API key '{}' (sender {}) is enabled: anyone can issue with it. Remove it from auth.api-keys "
                        + "before production use.", key.id(), key.sender()));
        config.adminKeys().stream().filter(AdminKeyConfig::demo).forEach(key -> LOG.warn(
                "DEMO admin key '{}' is enabled: anyone can manage receivers with it. Remove it from auth.admin-keys "
                        + "before production use.", key.id()));
        config.soapUsers().stream().filter(SoapUserConfig::demo).forEach(user -> LOG.warn(
                "DEMO SOAP user '{}' (sender {}) is enabled: anyone can issue with it. Remove it from "
                        + "auth.soap-users before production use.", user.username(), user.sender()));
    }

    public WebSubHub webSub() {
        return webSub;
    }

    public ReceiverRegistry receivers() {
        return receivers;
    }

    /** The HTTP routes (every instance has the same), e.g. to check them against the OpenAPI description. */
    public List<io.vertx.ext.web.Route> httpRoutes() {
        return http.routes();
    }

    public int port() {
        return port;
    }

    public SqliteAdvisoryLog log() {
        return log;
    }

    /** Readiness answers 503 from now on, while requests are still served: the first step of stopping. */
    public void drain() {
        health.stopping();
    }

    /**
     * Turns readiness to 503, tells every stream to reconnect elsewhere (SSE {@code event:
     * shutdown}, WebSocket close 1001), stops taking requests and lets those in flight finish
     * within {@code http.shutdown-grace}, stops the channels, closes the log once everything
     * queued is written, then stops the embedded broker.
     */
    public Future<Void> stop() {
        drain();
        vertx.cancelTimer(pruneTimer);
        List<Future<Void>> undeployed = deployments.stream().map(vertx::undeploy).toList();
        return Future.join(undeployed)
                .transform(v -> mqtt == null ? Future.succeededFuture() : mqtt.stop())
                .transform(v -> receivers.stop())
                .transform(v -> webSub.stop())
                .transform(v -> log.close())
                .transform(v -> broker == null ? Future.<Void>succeededFuture() : broker.stop(vertx));
    }
}
