package jp.bousai.relay.feeds.stream;

import java.time.Clock;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.core.log.Page;
import jp.bousai.relay.core.log.Replay;
import jp.bousai.relay.feeds.live.LiveEvent;
import jp.bousai.relay.feeds.live.LiveHub;
import jp.bousai.relay.feeds.live.LiveSubscriber;
import jp.bousai.relay.feeds.live.StreamMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream (SSE or WebSocket), whatever its transport. It registers for live events first and then catches up from the log, page by
 * page; live events that arrive meanwhile are not buffered but noted, and the catch-up reads on
 * until nothing newer than what it wrote has been seen. Then it goes live. Every write is of a
 * sequence number above the last one written, so nothing is sent twice and nothing is skipped.
 * Runs entirely on the connection's event loop.
 */
public final class StreamSubscription<F> implements LiveSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSubscription.class);

    private enum State { CATCHING_UP, LIVE, CLOSED }

    private final String transport;
    private final StreamSink<F> sink;
    private final StreamFrames<F> frames;
    private final AdvisoryFilter filter;
    private final AdvisoryLog log;
    private final LiveHub hub;
    private final Clock clock;
    private final StreamMetrics metrics;
    private final int pageSize;
    private State state = State.CATCHING_UP;
    private long lastSent;
    private long highestLiveSeen;
    private boolean wroteSinceHeartbeat;
    private Runnable unregister = () -> { };

    public StreamSubscription(String transport, StreamSink<F> sink, StreamFrames<F> frames, AdvisoryFilter filter,
                              AdvisoryLog log, LiveHub hub, Clock clock, StreamMetrics metrics, int pageSize) {
        this.transport = transport;
        this.sink = sink;
        this.frames = frames;
        this.filter = filter;
        this.log = log;
        this.hub = hub;
        this.clock = clock;
        this.metrics = metrics;
        this.pageSize = pageSize;
    }

    /**
     * Starts the stream: from {@code since} when given, else with a snapshot when asked, else
     * from now.
     */
    public void start(Long since, boolean snapshot) {
        sink.closeHandler(v -> close());
        unregister = hub.register(this);
        metrics.subscriberOpened(transport);
        if (since != null) {
            resumeAfter(since);
        } else if (snapshot) {
            sendSnapshot();
        } else {
            lastSent = hub.lastPublishedSeq();
            state = State.LIVE;
        }
    }

    @Override
    public AdvisoryFilter filter() {
        return filter;
    }

    @Override
    public void onEvent(LiveEvent event) {
        long seq = event.record().seq();
        highestLiveSeen = Math.max(highestLiveSeen, seq);
        if (state != State.LIVE || seq <= lastSent) {
            return;
        }
        if (sink.writeQueueFull()) {
            cutOff("the subscriber fell behind by more than the pending-output bound");
            return;
        }
        write(frames.live(event));
        lastSent = seq;
        metrics.delivered(transport, System.nanoTime() - event.committedNanos());
    }

    /**
     * Keeps an idle stream alive. A stream written to since the last heartbeat needs none: during a
     * storm of events, heartbeats would only add a write per subscriber. So a stream is never silent
     * for more than two heartbeat intervals.
     */
    @Override
    public void onHeartbeat() {
        if (wroteSinceHeartbeat) {
            wroteSinceHeartbeat = false;
            return;
        }
        if (state == State.CLOSED || sink.writeQueueFull()) {
            return;
        }
        F heartbeat = frames.heartbeat();
        if (heartbeat != null) {
            sink.write(heartbeat);
        } else {
            sink.ping();
        }
    }

    private void write(F frame) {
        sink.write(frame);
        wroteSinceHeartbeat = true;
    }

    /** Stops the stream without ending its connection (a WebSocket unsubscribe). */
    public void cancel() {
        close();
    }

    private void resumeAfter(long since) {
        log.after(since, filter, pageSize).onComplete(result -> {
            if (state == State.CLOSED) {
                return;
            }
            if (result.failed()) {
                fail("replay from seq " + since, result.cause());
                return;
            }
            Replay replay = result.result();
            if (since < replay.firstRetainedSeq() - 1) {
                write(frames.gap(since, replay.firstRetainedSeq(), replay.headSeq(),
                        "history before seq " + replay.firstRetainedSeq() + " is no longer kept"));
                sendSnapshot();
            } else if (since > replay.headSeq()) {
                write(frames.gap(since, replay.firstRetainedSeq(), replay.headSeq(),
                        "the resume point is ahead of the log: it was not issued by this server's log"));
                sendSnapshot();
            } else {
                for (AdvisoryRecord record : replay.records()) {
                    write(frames.advisory(record));
                }
                lastSent = Math.max(lastSent, replay.headSeq());
                if (replay.complete()) {
                    finishCatchUp();
                } else {
                    whenWritable(() -> resumeAfter(lastSent));
                }
            }
        });
    }

    private void sendSnapshot() {
        sendSnapshotPage(0, -1, 0);
    }

    /**
     * Sends the published documents page by page. The snapshot covers the log up to the head of
     * the first page's read; what changed after it is replayed by the catch-up that follows (a
     * document changed between pages may then be seen in the snapshot and as an event, never not
     * at all).
     */
    private void sendSnapshotPage(long afterSeq, long coveredSeq, int sent) {
        log.current(filter, clock.instant(), Page.oldestFirst(afterSeq, pageSize)).onComplete(result -> {
            if (state == State.CLOSED) {
                return;
            }
            if (result.failed()) {
                fail("snapshot", result.cause());
                return;
            }
            var view = result.result();
            long covered = coveredSeq < 0 ? view.headSeq() : coveredSeq;
            for (CurrentAdvisory current : view.advisories()) {
                write(frames.snapshot(current));
            }
            int total = sent + view.advisories().size();
            if (view.nextCursor() != null) {
                whenWritable(() -> sendSnapshotPage(view.nextCursor(), covered, total));
                return;
            }
            write(frames.snapshotEnd(covered, total));
            lastSent = covered;
            finishCatchUp();
        });
    }

    /** Goes live, unless a live event newer than what was written arrived meanwhile. */
    private void finishCatchUp() {
        if (highestLiveSeen > lastSent) {
            whenWritable(() -> resumeAfter(lastSent));
        } else {
            state = State.LIVE;
        }
    }

    private void whenWritable(Runnable next) {
        if (sink.writeQueueFull()) {
            sink.drainHandler(v -> {
                sink.drainHandler(null);
                next.run();
            });
        } else {
            next.run();
        }
    }

    private void cutOff(String reason) {
        LOG.debug("[transport: {}, lastSeq: {}] cut off: {}", transport, lastSent, reason);
        metrics.cutOff(transport);
        write(frames.cutOff(lastSent, reason));
        end();
    }

    private void fail(String what, Throwable cause) {
        LOG.warn("[transport: {}] {} failed; closing the stream so the client resumes", transport, what, cause);
        end();
    }

    /** Ends the stream; the sink disconnects a client that does not read it in time. */
    private void end() {
        close();
        sink.end();
    }

    private void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        unregister.run();
        metrics.subscriberClosed(transport);
    }
}
