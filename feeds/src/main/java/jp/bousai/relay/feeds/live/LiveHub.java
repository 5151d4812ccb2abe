package jp.bousai.relay.feeds.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.Hub;
import jp.bousai.relay.feeds.sse.SseFrames;
import jp.bousai.relay.feeds.ws.WsFrames;

/**
 * Live fan-out. Subscribers register on their own event loop; each committed version is encoded
 * once and handed to each loop that has subscribers, as one task per loop per event, in sequence
 * order. The loop's index finds the matching subscribers.
 */
public final class LiveHub implements Hub {

    private final Vertx vertx;
    private final Duration heartbeatInterval;
    private final Map<Context, LoopSubscribers> loops = new ConcurrentHashMap<>();
    private volatile long lastPublishedSeq;

    public LiveHub(Vertx vertx, Duration heartbeatInterval) {
        this.vertx = vertx;
        this.heartbeatInterval = heartbeatInterval;
    }

    /**
     * Called by the log's writer, in sequence order. The sequence number is recorded before any
     * loop is told, so that a subscriber which registers and then reads {@link #lastPublishedSeq}
     * either sees this event live or starts after it: never neither.
     */
    @Override
    public void publish(AdvisoryRecord record) {
        LiveEvent event = new LiveEvent(record, SseFrames.encode(record), WsFrames.encode(record), System.nanoTime());
        lastPublishedSeq = record.seq();
        loops.forEach((context, subscribers) -> context.runOnContext(v -> subscribers.dispatch(event)));
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
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext()) {
            throw new IllegalStateException("subscribers register on their own event loop");
        }
        LoopSubscribers subscribers = loops.computeIfAbsent(context, c -> {
            LoopSubscribers created = new LoopSubscribers();
            vertx.setPeriodic(heartbeatInterval.toMillis(), id -> created.heartbeat());
            return created;
        });
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Live subscribers across all loops (read from any thread; approximate while changing). */
    public int subscriberCount() {
        return loops.values().stream().mapToInt(LoopSubscribers::size).sum();
    }
}
