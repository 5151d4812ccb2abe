package jp.bousai.relay.server.outbox;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.channel.Channel;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.log.PendingDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one channel's outbox: hands the pending versions to the channel one at a time, in
 * sequence order, removes each once delivered, and on a failure records the attempt and waits a
 * backoff (doubling from {@link #FIRST_BACKOFF} up to {@link #MAX_BACKOFF}, with ±20 % jitter)
 * before trying the same version again; later versions wait behind it, so order holds. It wakes
 * on every committed version, and every {@link #SAFETY_INTERVAL} in case a wake-up was missed.
 * Versions whose validity has ended before they could be delivered are dropped (a Cancel never is).
 * Runs on its own context.
 */
public final class OutboxDispatcher {

    public static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    public static final Duration SAFETY_INTERVAL = Duration.ofSeconds(5);
    /** A delivery not acknowledged within this counts as failed (and is retried). */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** What the dispatcher reports. */
    public interface Listener {
        void channelDelivered(String channel, long seq);

        void channelFailed(String channel, long seq, Throwable cause);
    }

    private final Vertx vertx;
    private final Context context;
    private final AdvisoryLog log;
    private final Channel channel;
    private final Clock clock;
    private final Listener listener;
    private boolean draining;
    private boolean wakeAgain;
    private boolean stopped;
    private long retryTimer = -1;
    private long safetyTimer = -1;
    private final java.util.concurrent.atomic.AtomicLong depth = new java.util.concurrent.atomic.AtomicLong();

    public OutboxDispatcher(Vertx vertx, AdvisoryLog log, Channel channel, Clock clock, Listener listener) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.log = log;
        this.channel = channel;
        this.clock = clock;
        this.listener = listener;
    }

    /** Starts draining now and whenever a version is committed. */
    public void start() {
        log.onCommitted(record -> context.runOnContext(v -> wake()));
        context.runOnContext(v -> {
            safetyTimer = vertx.setPeriodic(SAFETY_INTERVAL.toMillis(), id -> {
                wake();
                log.outboxDepth(channel.name()).onSuccess(depth::set);
            });
            log.outboxDepth(channel.name()).onSuccess(depth::set);
            wake();
        });
    }

    public void stop() {
        context.runOnContext(v -> {
            stopped = true;
            vertx.cancelTimer(safetyTimer);
            vertx.cancelTimer(retryTimer);
        });
    }

    /** Versions waiting in the outbox, as last counted (every {@link #SAFETY_INTERVAL}). */
    public long depth() {
        return depth.get();
    }

    /** Drains now (on the dispatcher's context); also what tests call instead of waiting. */
    public void wake() {
        if (stopped) {
            return;
        }
        if (draining) {
            wakeAgain = true;
            return;
        }
        draining = true;
        wakeAgain = false;
        log.pending(channel.name(), clock.instant(), BATCH)
                .compose(this::deliverInOrder)
                .onComplete(result -> {
                    draining = false;
                    if (result.failed()) {
                        LOG.warn("[channel: {}] reading the outbox failed", channel.name(), result.cause());
                    } else if (result.result() || wakeAgain) {
                        wake();
                    }
                });
    }

    /** Delivers the batch in order; true when all were delivered and more may be waiting. */
    private Future<Boolean> deliverInOrder(List<PendingDelivery> batch) {
        Future<Boolean> chain = Future.succeededFuture(true);
        for (PendingDelivery pending : batch) {
            chain = chain.compose(goOn -> goOn ? deliver(pending) : Future.succeededFuture(false));
        }
        return chain.map(allDelivered -> allDelivered && batch.size() == BATCH);
    }

    private Future<Boolean> deliver(PendingDelivery pending) {
        long seq = pending.record().seq();
        var advisory = pending.record().advisory();
        Instant now = clock.instant();
        if (advisory.type() != MessageType.CANCEL && advisory.validUntil() != null
                && !now.isBefore(advisory.validUntil().toInstant())) {
            LOG.info("[channel: {}, seq: {}] no longer valid; dropped undelivered", channel.name(), seq);
            return log.delivered(channel.name(), seq).map(true);
        }
        return withTimeout(channel.deliver(pending.record()))
                .compose(v -> log.delivered(channel.name(), seq))
                .map(v -> {
                    listener.channelDelivered(channel.name(), seq);
                    return true;
                })
                .recover(cause -> {
                    listener.channelFailed(channel.name(), seq, cause);
                    Duration backoff = backoff(pending.attempts() + 1);
                    LOG.debug("[channel: {}, seq: {}, attempt: {}] failed, retry in {} ms: {}", channel.name(), seq,
                            pending.attempts() + 1, backoff.toMillis(), cause.toString());
                    return log.retryLater(channel.name(), seq, clock.instant().plus(backoff), cause.toString())
                            .map(v -> {
                                scheduleRetry(backoff);
                                return false;
                            });
                });
    }

    private Future<Void> withTimeout(Future<Void> delivery) {
        io.vertx.core.Promise<Void> bounded = io.vertx.core.Promise.promise();
        long timer = vertx.setTimer(DELIVERY_TIMEOUT.toMillis(), id -> bounded.tryFail(new java.util.concurrent.TimeoutException(
                "not acknowledged within " + DELIVERY_TIMEOUT.toSeconds() + " s")));
        delivery.onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                bounded.tryComplete();
            } else {
                bounded.tryFail(result.cause());
            }
        });
        return bounded.future();
    }

    private void scheduleRetry(Duration delay) {
        vertx.cancelTimer(retryTimer);
        retryTimer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> wake());
    }

    /** Exponential backoff with ±20 % jitter, capped. */
    static Duration backoff(int attempt) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
