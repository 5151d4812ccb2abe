package jp.bousai.relay.server.outbox;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.channel.Backoff;
import jp.bousai.relay.core.channel.Channel;
import jp.bousai.relay.core.channel.Deliveries;
import jp.bousai.relay.core.channel.DeliveryOrder;
import jp.bousai.relay.core.channel.PendingDelivery;
import jp.bousai.relay.core.lifecycle.Lifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one channel's outbox in the channel's order, with at most its
 * {@link Channel#maxInFlight()} deliveries at a time, each bounded by its
 * {@link Channel#timeout()}. A failed attempt is recorded and the version waits a backoff
 * ({@link Backoff#DELIVERIES}) before it is due again. What the channel's {@link DeliveryOrder}
 * lets start, and what a failure holds back, is its {@link OrderPolicy}:
 *
 * <ul>
 *   <li>{@link DeliveryOrder#TOTAL}: started in sequence order, up to {@link Channel#maxInFlight()}
 *       pipelined (a channel that keeps order on its connection, as MQTT does); a failure stops
 *       everything after it, and the lowest failed version goes first again after its backoff. A
 *       later version answered before the failure stays delivered.</li>
 *   <li>{@link DeliveryOrder#PER_DOCUMENT}: one delivery per document at a time, several
 *       documents at once; only the newest pending revision of a document is delivered, the older
 *       ones are recorded as superseded. A failing document holds back only itself.</li>
 * </ul>
 *
 * Versions whose validity ended before they could be delivered are recorded as expired (a
 * Cancel never is). It wakes when told a version was committed, and every {@link #SAFETY_INTERVAL}.
 *
 * <p>Catching up after an outage: while attempts fail, the lowest pending version is tried every
 * {@link #PROBE_INTERVAL} whatever its backoff, and the first success after failures makes every
 * pending version due at once, so that a receiver or broker that comes back gets what waited
 * within about a probe interval, not after each version's remaining backoff.
 *
 * <p>A {@link Lifecycle} run on a context of its own (the one {@link #start()} is called on, a
 * verticle's): it starts its channel there, and its state, timers and reads live there; nothing
 * here blocks. {@link #stop()} starts nothing more, waits until the attempts under way are
 * answered and recorded (at most the channel's timeout and {@link #RECORDING_GRACE}), and then
 * stops the channel.
 */
public final class OutboxDispatcher implements Lifecycle {

    public static final Duration SAFETY_INTERVAL = Duration.ofSeconds(5);
    /** While the channel fails, how often its lowest pending version is tried regardless of backoff. */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    /** How long stopping waits, beyond the channel's timeout, for the outcomes under way to be recorded. */
    public static final Duration RECORDING_GRACE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** What the dispatcher reports. */
    public interface Listener {
        void channelDelivered(String channel, long seq, Duration sinceAccepted);

        void channelFailed(String channel, long seq, Throwable cause);
    }

    private final Vertx vertx;
    private final Deliveries deliveries;
    private final Channel channel;
    private final Clock clock;
    private final Listener listener;
    private final Backoff backoff;
    private final OrderPolicy order;
    private final int maxInFlight;
    /**
     * Versions read at a time: a few more than may start, since each read parses what it returns and
     * the dispatcher reads again whenever an attempt is answered.
     */
    private final int readLimit;
    /** Set by {@link #start()} once the channel has started: the context everything below is touched on. */
    private volatile Context context;
    /** Keys (per the order policy) with an attempt under way or its outcome not yet recorded. */
    private final Set<String> documentsInFlight = new HashSet<>();
    /** Attempts waiting for the far side's answer (at most {@link #maxInFlight}). */
    private int awaitingAnswer;
    /** Versions settled while a read was under way: that read may still show them pending. */
    private final Set<Long> settledDuringRead = new HashSet<>();
    private final AtomicLong depth = new AtomicLong();
    private boolean reading;
    private boolean readAgain;
    private boolean stopped;
    /** Set by {@link #stop()} while attempts are under way: completed when the last is recorded. */
    private Promise<Void> drained;
    private long retryTimer = -1;
    private long retryAt = Long.MAX_VALUE;
    private long safetyTimer = -1;
    /** The last attempt failed: the channel is probed until one succeeds. */
    private boolean failing;
    private long probeTimer = -1;

    public OutboxDispatcher(Vertx vertx, Deliveries deliveries, Channel channel, Clock clock, Listener listener) {
        this.vertx = vertx;
        this.deliveries = deliveries;
        this.channel = channel;
        this.clock = clock;
        this.listener = listener;
        this.backoff = Backoff.DELIVERIES;
        this.order = OrderPolicy.of(channel.order());
        this.maxInFlight = Math.max(1, channel.maxInFlight());
        this.readLimit = maxInFlight * 4;
    }

    @Override
    public String name() {
        return "outbox:" + channel.name();
    }

    /**
     * Starts the channel and then draining, on the calling context (the verticle that runs this
     * dispatcher); the owner calls {@link #wake()} whenever a version is committed.
     */
    @Override
    public Future<Void> start() {
        Context current = Vertx.currentContext();
        Context own = current != null ? current : vertx.getOrCreateContext();
        return channel.start().onSuccess(started -> own.runOnContext(v -> {
            context = own; // from now on wake() reads and delivers
            safetyTimer = vertx.setPeriodic(SAFETY_INTERVAL.toMillis(), id -> {
                wake();
                countDepth();
            });
            countDepth();
            wake();
        }));
    }

    /** Starts nothing more; once the attempts under way are answered and recorded, stops the channel. */
    @Override
    public Future<Void> stop() {
        Context own = context;
        if (own == null) {
            return channel.stop();
        }
        Promise<Void> stoppedPromise = Promise.promise();
        own.runOnContext(v -> {
            stopped = true;
            vertx.cancelTimer(safetyTimer);
            vertx.cancelTimer(retryTimer);
            vertx.cancelTimer(probeTimer);
            if (documentsInFlight.isEmpty()) {
                stoppedPromise.complete();
            } else {
                LOG.info("[channel: {}] stopping: waiting for {} attempts under way", channel.name(),
                        documentsInFlight.size());
                drained = Promise.promise();
                drained.future().onComplete(stoppedPromise);
            }
        });
        Duration grace = channel.timeout().plus(RECORDING_GRACE);
        return stoppedPromise.future().timeout(grace.toMillis(), TimeUnit.MILLISECONDS).recover(e -> {
            LOG.warn("[channel: {}] stopped with attempts still under way after {} ms", channel.name(),
                    grace.toMillis());
            return Future.succeededFuture();
        }).compose(v -> channel.stop());
    }

    /** Versions pending in the outbox, as last counted (every {@link #SAFETY_INTERVAL}). */
    public long depth() {
        return depth.get();
    }

    private void countDepth() {
        deliveries.depth(channel.name()).onSuccess(depth::set);
    }

    /**
     * Reads what is due and starts what it may (on the dispatcher's context); tests call it instead
     * of waiting. Before {@link #start()} it does nothing (start reads anyway).
     */
    public void wake() {
        Context own = context;
        if (own == null) {
            return;
        }
        if (Vertx.currentContext() != own) {
            own.runOnContext(v -> wake());
            return;
        }
        if (stopped || !mayStartMore()) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        readAgain = false;
        settledDuringRead.clear();
        deliveries.pending(channel.name(), channel.order(), clock.instant(), readLimit).onComplete(result -> {
            reading = false;
            if (result.failed()) {
                LOG.warn("[channel: {}] reading the outbox failed", channel.name(), result.cause());
            } else {
                startDeliveries(result.result());
            }
            if (readAgain) {
                wake();
            }
        });
    }

    /** Starts what the order policy lets start, each key at most once at a time. */
    private void startDeliveries(List<PendingDelivery> due) {
        for (Map.Entry<String, PendingDelivery> entry : order.candidates(due, settledDuringRead).entrySet()) {
            if (stopped || order.holding() || !mayStartMore()) {
                return;
            }
            PendingDelivery pending = entry.getValue();
            if (!settledDuringRead.contains(pending.record().seq()) && documentsInFlight.add(entry.getKey())) {
                order.started(pending.record().seq());
                attempt(pending).onComplete(done -> {
                    documentsInFlight.remove(entry.getKey());
                    if (reading) {
                        settledDuringRead.add(pending.record().seq());
                    }
                    if (documentsInFlight.isEmpty()) {
                        order.allRecorded();
                        if (drained != null) {
                            drained.tryComplete();
                        }
                    }
                    if (done.failed()) {
                        LOG.warn("[channel: {}, seq: {}] recording the outcome failed", channel.name(),
                                pending.record().seq(), done.cause());
                    }
                    wake();
                });
            }
        }
    }

    /**
     * Whether another attempt may start: fewer than {@link #maxInFlight} await an answer, and the
     * outcomes still being recorded are bounded too.
     */
    private boolean mayStartMore() {
        return awaitingAnswer < maxInFlight && documentsInFlight.size() < maxInFlight * 4;
    }

    private Future<Void> attempt(PendingDelivery pending) {
        long seq = pending.record().seq();
        Advisory advisory = pending.record().advisory();
        Instant now = clock.instant();
        if (advisory.type() != MessageType.CANCEL && advisory.validUntil() != null
                && !now.isBefore(advisory.validUntil().toInstant())) {
            LOG.info("[channel: {}, seq: {}] no longer valid; dropped undelivered", channel.name(), seq);
            return deliveries.expired(channel.name(), pending);
        }
        boolean supersedeOlder = order.supersedesOlder();
        awaitingAnswer++;
        return withTimeout(channel.deliver(pending.record())).transform(result -> {
            awaitingAnswer--;
            order.answered(seq, result.succeeded());
            wake();
            context.runOnContext(v -> linkState(result.succeeded()));
            if (result.succeeded()) {
                Instant acknowledged = clock.instant();
                return deliveries.delivered(channel.name(), pending, now, acknowledged, supersedeOlder)
                        .onSuccess(done -> listener.channelDelivered(channel.name(), seq,
                                Duration.between(pending.record().receivedAt(), acknowledged)));
            }
            Throwable cause = result.cause();
            listener.channelFailed(channel.name(), seq, cause);
            Duration delay = backoff.delayAfter(pending.attempts() + 1);
            LOG.debug("[channel: {}, seq: {}, attempt: {}] failed, retry in {} ms: {}", channel.name(), seq,
                    pending.attempts() + 1, delay.toMillis(), cause.toString());
            return deliveries.failed(channel.name(), pending, now, clock.instant().plus(delay), describe(cause),
                    supersedeOlder).onSuccess(recorded -> scheduleRetry(delay));
        });
    }

    /**
     * Follows whether the channel works: the first failure starts the probe, the first success
     * after failures makes everything that waits due now. On the dispatcher's context.
     */
    private void linkState(boolean works) {
        if (works && failing) {
            failing = false;
            vertx.cancelTimer(probeTimer);
            probeTimer = -1;
            deliveries.dueNow(channel.name(), clock.instant(), Integer.MAX_VALUE).onComplete(released -> {
                if (released.succeeded() && released.result() > 0) {
                    LOG.info("[channel: {}] works again; {} waiting versions are due now", channel.name(),
                            released.result());
                }
                wake();
            });
        } else if (!works) {
            failing = true;
            scheduleProbe();
        }
    }

    private void scheduleProbe() {
        if (probeTimer != -1 || stopped) {
            return;
        }
        probeTimer = vertx.setTimer(PROBE_INTERVAL.toMillis(), id -> {
            probeTimer = -1;
            if (!failing || stopped) {
                return;
            }
            if (awaitingAnswer == 0) {
                deliveries.dueNow(channel.name(), clock.instant(), 1).onComplete(made -> wake());
            }
            scheduleProbe();
        });
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /**
     * The channel's answer, failed with "not acknowledged within …" when it does not come in time;
     * handed over to the dispatcher's context whatever thread answered.
     */
    private Future<Void> withTimeout(Future<Void> delivery) {
        long timeout = channel.timeout().toMillis();
        Context own = context;
        Promise<Void> answer = Promise.promise();
        delivery.timeout(timeout, TimeUnit.MILLISECONDS).onComplete(result -> own.runOnContext(v -> {
            if (result.succeeded()) {
                answer.complete();
            } else if (result.cause() instanceof TimeoutException && !delivery.isComplete()) {
                answer.fail(new TimeoutException("not acknowledged within " + timeout + " ms"));
            } else {
                answer.fail(result.cause());
            }
        }));
        return answer.future();
    }

    /** Wakes after {@code delay}, unless a wake-up is already set for earlier. */
    private void scheduleRetry(Duration delay) {
        long at = clock.millis() + Math.max(1, delay.toMillis());
        if (stopped || retryTimer != -1 && retryAt <= at) {
            return;
        }
        vertx.cancelTimer(retryTimer);
        retryAt = at;
        retryTimer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
            retryTimer = -1;
            retryAt = Long.MAX_VALUE;
            wake();
        });
    }
}
