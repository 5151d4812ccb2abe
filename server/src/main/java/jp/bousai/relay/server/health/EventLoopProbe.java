package jp.bousai.relay.server.health;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices a blocked event loop: each watched loop ticks a timer, and a loop whose last tick is
 * older than the threshold is reported as blocked.
 */
public final class EventLoopProbe {

    public static final Duration TICK = Duration.ofMillis(250);
    public static final Duration BLOCKED_AFTER = Duration.ofSeconds(2);

    private final Map<Context, Long> lastTicks = new ConcurrentHashMap<>();

    /** Starts ticking on the current context; returns the timer id to cancel on stop. */
    public long watch(Vertx vertx) {
        Context context = Vertx.currentContext();
        lastTicks.put(context, System.nanoTime());
        return vertx.setPeriodic(TICK.toMillis(), id -> lastTicks.put(context, System.nanoTime()));
    }

    public void unwatch(Context context) {
        lastTicks.remove(context);
    }

    /** How many watched loops have not ticked within the threshold. */
    public long blockedLoops() {
        long now = System.nanoTime();
        return lastTicks.values().stream().filter(tick -> now - tick > BLOCKED_AFTER.toNanos()).count();
    }
}
