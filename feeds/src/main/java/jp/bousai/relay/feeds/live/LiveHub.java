package jp.bousai.relay.feeds.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.Hub;
import jp.bousai.relay.feeds.vertx.VertxInternals;

/**
 * Live fan-out. Subscribers register on their own event loop; each committed version is encoded
 * once per stream kind (in the {@link LiveEncoding}s the kinds gave, see {@link #encodeFor}) and
 * handed to each loop that has subscribers, as one task per loop per event, in sequence order.
 * The loop's index finds the matching subscribers.
 */
public final class LiveHub implements Hub {

    private final Duration heartbeatInterval;
    /**
     * By event loop, its subscribers and the loop's root context. Keyed by the Netty event loop:
     * every HTTP request runs on a context of its own (a duplicate of the verticle's), so keying
     * by context would make a "loop" per connection, and a task per subscriber per event.
     */
    private final Map<Executor, Loop> loops = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<LiveEncoding> encodings = new CopyOnWriteArrayList<>();

    /** One event loop's subscribers, dispatched to on its root context. */
    private record Loop(Context context, LoopSubscribers subscribers) {
    }
    private volatile long lastPublishedSeq;

    public LiveHub(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    /**
     * From now on, encodes every version in {@code encoding} too, once for all the subscribers of
     * the stream kind that gives it; giving the same encoding again changes nothing. Stream kinds
     * give theirs when they are built, before any subscriber.
     */
    public void encodeFor(LiveEncoding encoding) {
        encodings.addIfAbsent(encoding);
    }

    /**
     * Called by the log's writer, in sequence order. The sequence number is recorded before any
     * loop is told, so that a subscriber which registers and then reads {@link #lastPublishedSeq}
     * either sees this event live or starts after it: never neither.
     */
    @Override
    public void publish(AdvisoryRecord record) {
        LiveEvent event = new LiveEvent(record, encodings, System.nanoTime());
        lastPublishedSeq = record.seq();
        loops.values().forEach(loop -> loop.context().runOnContext(v -> loop.subscribers().dispatch(event)));
    }

    /** The sequence number of the last event handed to the loops. */
    public long lastPublishedSeq() {
        return lastPublishedSeq;
    }

    /**
     * Registers a subscriber on the current event loop; call from that loop. Returns what
     * unregisters it (also on that loop).
     */
    public Runnable register(LiveSubscriber subscriber) {
        Context root = currentLoop();
        LoopSubscribers subscribers = loops.computeIfAbsent(VertxInternals.eventLoopOf(root), loop -> {
            LoopSubscribers created = new LoopSubscribers();
            VertxInternals.setPeriodic(root, heartbeatInterval.toMillis(), id -> created.heartbeat());
            return new Loop(root, created);
        }).subscribers();
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /**
     * A filter equal to {@code filter} that subscribers of the current event loop already use, or
     * {@code filter} itself; call from that loop. Thousands of subscribers then share a few filters.
     */
    public AdvisoryFilter shared(AdvisoryFilter filter) {
        Loop loop = loops.get(VertxInternals.eventLoopOf(currentLoop()));
        return loop == null ? filter : loop.subscribers().shared(filter);
    }

    private static Context currentLoop() {
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext()) {
            throw new IllegalStateException("live subscribers are served on their own event loop");
        }
        return VertxInternals.rootContext(context);
    }

    /** Live subscribers across all loops (read from any thread; approximate while changing). */
    public int subscriberCount() {
        int count = 0;
        for (Loop loop : loops.values()) {
            count += loop.subscribers().size();
        }
        return count;
    }
}
