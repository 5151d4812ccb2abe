package jp.bousai.relay.server;

import io.vertx.core.Vertx;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.bousai.relay.adapters.InboundFormat;
import jp.bousai.relay.adapters.cap.CapFormat;
import jp.bousai.relay.adapters.cap.CapRenderer;
import jp.bousai.relay.adapters.cap.CapSignatures;
import jp.bousai.relay.core.store.NonceStore;
import jp.bousai.relay.adapters.outbound.OutboundRenderer;
import jp.bousai.relay.adapters.commons.UsernameTokenVerifier;
import jp.bousai.relay.adapters.json.JsonFormat;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.lifecycle.Lifecycle;
import jp.bousai.relay.feeds.http.FeedEndpoints;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.live.LiveHub;
import jp.bousai.relay.feeds.sse.SseEndpoint;
import jp.bousai.relay.feeds.stream.Streams;
import jp.bousai.relay.feeds.websub.WebSubHub;
import jp.bousai.relay.feeds.ws.WsEndpoint;
import jp.bousai.relay.server.auth.AdminKeys;
import jp.bousai.relay.server.auth.ApiKeys;
import jp.bousai.relay.server.config.AdminKeyConfig;
import jp.bousai.relay.server.config.RelayConfig;
import jp.bousai.relay.server.config.SoapUserConfig;
import jp.bousai.relay.server.contracts.ContractEndpoints;
import jp.bousai.relay.server.edge.Edge;
import jp.bousai.relay.server.health.EventLoopProbe;
import jp.bousai.relay.server.health.HealthEndpoints;
import jp.bousai.relay.server.http.Acknowledgement;
import jp.bousai.relay.server.http.CapAcknowledgement;
import jp.bousai.relay.server.http.CommonsSoapEndpoint;
import jp.bousai.relay.server.http.HttpVerticle;
import jp.bousai.relay.server.http.IngestEndpoint;
import jp.bousai.relay.server.http.IngestHandler;
import jp.bousai.relay.server.http.limits.ConnectionGuard;
import jp.bousai.relay.server.http.limits.RateLimits;
import jp.bousai.relay.server.ingest.IngestService;
import jp.bousai.relay.server.lifecycle.LifecycleVerticle;
import jp.bousai.relay.server.metrics.MetricsEndpoint;
import jp.bousai.relay.server.metrics.RelayMetrics;
import jp.bousai.relay.server.mqtt.EmbeddedBroker;
import jp.bousai.relay.server.outbox.ChannelRouting;
import jp.bousai.relay.server.receivers.DeliveriesEndpoint;
import jp.bousai.relay.server.receivers.ReceiverRegistry;
import jp.bousai.relay.server.receivers.ReceiversEndpoint;
import jp.bousai.relay.core.store.RelayStore;

/**
 * The parts of a relay, built from the configuration once the store is open, and the two lists
 * the relay runs: the {@link #endpoints() HTTP endpoints}, in route order, and the
 * {@link #lifecycles() long-lived parts}, in start order. A new endpoint, inbound format or
 * outbound channel is one line in one of them.
 */
final class Components {

    private final Vertx vertx;
    private final RelayConfig config;
    private final Clock clock;
    private final RelayStore log;
    private final RelayMetrics metrics;
    private final OutboundRenderer renderer;
    private final MqttParts mqtt;
    private final Streams streams;
    private final ApiKeys apiKeys;
    private final AdminKeys adminKeys;
    private final ReceiverRegistry receivers;
    private final WebSubHub webSub;
    private final RateLimits rateLimits;
    private final IngestService ingest;
    private final EventLoopProbe probe = new EventLoopProbe();
    private final HealthEndpoints health;

    /**
     * Builds every part; what is told of each committed version is told in this order: the MQTT
     * outbox, the live streams, the receivers' outboxes (and, once started, the WebSub hub).
     *
     * @param broker the embedded MQTT broker, or null
     * @param routing which durable channels each version is put in the outbox of
     */
    Components(Vertx vertx, RelayConfig config, Clock clock, RelayStore log, EmbeddedBroker broker,
               ChannelRouting routing, RelayMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.log = log;
        this.metrics = metrics;
        this.renderer = new OutboundRenderer(new CapRenderer(config.cap().publicUrl()));
        this.mqtt = config.mqtt().enabled() ? MqttParts.create(vertx, config.mqtt(), broker, log, clock, metrics, renderer)
                : null;
        metrics.watchPendingWrites(log::pendingWrites);
        LiveHub hub = new LiveHub(config.stream().heartbeat());
        log.onCommitted(hub);
        this.streams = new Streams(log, hub, clock, metrics, config.stream());
        this.apiKeys = new ApiKeys(config.apiKeys());
        this.adminKeys = new AdminKeys(config.adminKeys().stream().map(AdminKeyConfig::sha256).toList());
        this.receivers = new ReceiverRegistry(vertx, log.deliveries(), log.receivers(), routing, clock, metrics, renderer,
                config.receivers());
        log.onCommitted(record -> receivers.wakeAll());
        this.webSub = new WebSubHub(vertx, log, log.webSub(), clock);
        this.rateLimits = new RateLimits(config.limits(), metrics);
        this.ingest = new IngestService(vertx, log, metrics, clock);
        this.health = new HealthEndpoints(log, probe, mqtt == null ? null : mqtt.channel()::isConnected);
    }

    /** The HTTP API, in the order its routes are tried. */
    List<HttpEndpoint> endpoints() {
        return List.of(
                new IngestEndpoint("/api/v1/advisories", ingest(new JsonFormat(), null)),
                new IngestEndpoint("/api/v1/cap", ingest(new CapFormat(capSignatures()), new CapAcknowledgement(clock))),
                new CommonsSoapEndpoint(soapVerifier(log.soapNonces()), ingest, metrics, rateLimits),
                new FeedEndpoints(log, clock, renderer),
                new DeliveriesEndpoint(log, log.deliveries(), log::ownerOf, apiKeys, adminKeys, clock),
                new ReceiversEndpoint(adminKeys, receivers, config.receiverPrivateAddresses()),
                new SseEndpoint(streams),
                new WsEndpoint(streams),
                webSub,
                new MetricsEndpoint(metrics),
                health,
                new ContractEndpoints());
    }

    /** The long-lived parts, in the order they start; they stop in the reverse order. */
    List<Lifecycle> lifecycles() {
        List<Lifecycle> parts = new ArrayList<>();
        if (mqtt != null) {
            parts.addAll(mqtt.lifecycles(vertx));
        }
        parts.add(receivers);
        parts.add(LifecycleVerticle.onOwnContext(vertx, webSub));
        return parts;
    }

    /** What every HTTP server instance shares besides the endpoints. */
    HttpVerticle.Shared http() {
        return new HttpVerticle.Shared(config.http(), new Edge(config, clock), rateLimits,
                new ConnectionGuard.Shared(config.limits(), metrics), probe);
    }

    MqttParts mqtt() {
        return mqtt;
    }

    ReceiverRegistry receivers() {
        return receivers;
    }

    WebSubHub webSub() {
        return webSub;
    }

    HealthEndpoints health() {
        return health;
    }

    /** @param acknowledgement the format's own answers, or null */
    private IngestHandler ingest(InboundFormat format, Acknowledgement acknowledgement) {
        return new IngestHandler(format, apiKeys, ingest, metrics, acknowledgement, rateLimits);
    }

    /** The certificates that senders' CAP alerts must be signed with, by API key id. */
    private CapSignatures capSignatures() {
        Map<String, X509Certificate> required = new HashMap<>();
        config.apiKeys().stream().filter(key -> key.capCertificate() != null)
                .forEach(key -> required.put(key.id(), key.capCertificate()));
        return new CapSignatures(required, config.cap().allowSha1Signatures());
    }

    private UsernameTokenVerifier soapVerifier(NonceStore nonces) {
        Map<String, UsernameTokenVerifier.User> users = new HashMap<>();
        for (SoapUserConfig user : config.soapUsers()) {
            Issuer issuer = user.areas().isEmpty() ? Issuer.forSender(user.username(), user.sender())
                    : new Issuer(user.username(), user.sender(), user.areas());
            users.put(user.username(), new UsernameTokenVerifier.User(user.password(), issuer));
        }
        return new UsernameTokenVerifier(users, clock, config.soapCreatedWindow(), nonces);
    }
}
