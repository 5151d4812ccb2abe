package jp.bousai.relay.server.receivers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.bousai.relay.adapters.media.MediaChannel;
import jp.bousai.relay.adapters.media.MediaReceiver;
import jp.bousai.relay.adapters.outbound.OutboundRenderer;
import jp.bousai.relay.core.channel.Deliveries;
import jp.bousai.relay.core.lifecycle.Lifecycle;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.store.ReceiverStore;
import jp.bousai.relay.core.validation.FieldErrors;
import jp.bousai.relay.server.config.ReceiverDefinitions;
import jp.bousai.relay.server.lifecycle.LifecycleVerticle;
import jp.bousai.relay.server.metrics.RelayMetrics;
import jp.bousai.relay.server.outbox.ChannelRouting;
import jp.bousai.relay.server.outbox.OutboxDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media receivers in service: those of the configuration file (fixed while running) and
 * those added through the admin API (stored, so they survive a restart). Each has its own
 * channel, outbox and dispatcher, so a dead or slow receiver never delays another. Replacing a
 * receiver keeps its pending deliveries; removing one abandons them (recorded in the receipts).
 * Each dispatcher runs, with its channel, on a context of its own ({@link LifecycleVerticle});
 * taking a receiver out of service, or stopping the registry, waits for its attempts in flight
 * before its channel closes.
 */
public final class ReceiverRegistry implements Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A receiver in service, with what drives it ({@code deployed}: its dispatcher on its own context). */
    public record Running(MediaReceiver receiver, boolean configured, MediaChannel channel,
                          OutboxDispatcher dispatcher, Lifecycle deployed) {
    }

    private final Vertx vertx;
    private final Deliveries deliveries;
    private final ReceiverStore store;
    private final ChannelRouting routing;
    private final Clock clock;
    private final RelayMetrics metrics;
    private final OutboundRenderer renderer;
    private final List<MediaReceiver> configuredReceivers;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    public ReceiverRegistry(Vertx vertx, Deliveries deliveries, ReceiverStore store, ChannelRouting routing,
                            Clock clock, RelayMetrics metrics, OutboundRenderer renderer, List<MediaReceiver> configured) {
        this.vertx = vertx;
        this.deliveries = deliveries;
        this.store = store;
        this.routing = routing;
        this.clock = clock;
        this.metrics = metrics;
        this.renderer = renderer;
        this.configuredReceivers = List.copyOf(configured);
    }

    @Override
    public String name() {
        return "receivers";
    }

    /** Puts the configured receivers and the stored ones in service. */
    @Override
    public Future<Void> start() {
        List<Future<Void>> started = new ArrayList<>();
        configuredReceivers.forEach(receiver -> started.add(run(receiver, true)));
        return Future.join(started).compose(v -> store.definitions()).compose(definitions -> {
            List<Future<Void>> stored = new ArrayList<>();
            for (String definition : definitions) {
                MediaReceiver receiver = parseStored(definition);
                if (receiver != null && running.containsKey(receiver.id())) {
                    LOG.warn("[receiver: {}] a stored receiver has the id of a configured one; the configured one "
                            + "is used", receiver.id());
                } else if (receiver != null) {
                    stored.add(run(receiver, false));
                }
            }
            return Future.join(stored).mapEmpty();
        });
    }

    /** Tells every dispatcher a version was committed. */
    public void wakeAll() {
        running.values().forEach(receiver -> receiver.dispatcher().wake());
    }

    public List<Running> list() {
        return running.values().stream().sorted(Comparator.comparing(r -> r.receiver().id())).toList();
    }

    public Optional<Running> get(String id) {
        return Optional.ofNullable(running.get(id));
    }

    /** Adds a receiver; it receives the versions accepted from now on. */
    public Future<MediaReceiver> add(MediaReceiver receiver) {
        if (running.containsKey(receiver.id())) {
            return Future.failedFuture(new ProblemException(ProblemType.CONFLICT, "receiver '" + receiver.id()
                    + "' exists; PUT /api/v1/admin/receivers/" + receiver.id() + " replaces it"));
        }
        return store.save(receiver.id(), definition(receiver), clock.instant())
                .compose(v -> run(receiver, false)).map(receiver);
    }

    /** Replaces a stored receiver's definition; its pending deliveries go on under the new one. */
    public Future<MediaReceiver> replace(MediaReceiver receiver) {
        Running current = running.get(receiver.id());
        if (current == null) {
            return add(receiver);
        }
        if (current.configured()) {
            return Future.failedFuture(configured(receiver.id()));
        }
        return store.save(receiver.id(), definition(receiver), clock.instant())
                .compose(v -> halt(current))
                .compose(v -> run(receiver, false)).map(receiver);
    }

    /** Removes a stored receiver; its pending deliveries are abandoned. */
    public Future<Void> remove(String id) {
        Running current = running.get(id);
        if (current == null) {
            return Future.failedFuture(new ProblemException(ProblemType.NOT_FOUND, "no receiver '" + id + "'"));
        }
        if (current.configured()) {
            return Future.failedFuture(configured(id));
        }
        return halt(current)
                .compose(v -> deliveries.abandon(current.receiver().channel()))
                .compose(v -> store.delete(id));
    }

    /** Takes every receiver out of service once its attempts in flight have ended. */
    @Override
    public Future<Void> stop() {
        return Future.join(running.values().stream().map(this::halt).toList()).mapEmpty();
    }

    private Future<Void> run(MediaReceiver receiver, boolean configured) {
        MediaChannel channel = new MediaChannel(vertx, receiver, clock, renderer);
        OutboxDispatcher dispatcher = new OutboxDispatcher(vertx, deliveries, channel, clock, metrics);
        Lifecycle deployed = LifecycleVerticle.onOwnContext(vertx, dispatcher);
        running.put(receiver.id(), new Running(receiver, configured, channel, dispatcher, deployed));
        routing.route(receiver.channel(), receiver.filter());
        metrics.watchOutbox(receiver.channel(), dispatcher::depth);
        LOG.info("[receiver: {}, protocol: {}] in service, delivering to {}", receiver.id(),
                receiver.protocol().wireName(), ReceiverUrls.redacted(receiver.url()));
        return deployed.start();
    }

    private Future<Void> halt(Running receiver) {
        running.remove(receiver.receiver().id(), receiver);
        routing.unroute(receiver.receiver().channel());
        metrics.unwatchOutbox(receiver.receiver().channel());
        return receiver.deployed().stop();
    }

    private static ProblemException configured(String id) {
        return new ProblemException(ProblemType.CONFLICT, "receiver '" + id
                + "' comes from the configuration file; change it there");
    }

    private static String definition(MediaReceiver receiver) {
        return ReceiverJson.toJson(receiver, true).toString();
    }

    private static MediaReceiver parseStored(String definition) {
        try {
            FieldErrors errors = new FieldErrors();
            MediaReceiver receiver = ReceiverDefinitions.parse(JSON.readTree(definition), errors);
            if (receiver == null) {
                LOG.error("a stored receiver no longer parses, skipped: {}", errors.list());
            }
            return receiver;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.error("a stored receiver is not JSON, skipped", e);
            return null;
        }
    }
}
