package jp.bousai.relay.feeds.stream;

import java.time.Clock;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.live.LiveHub;
import jp.bousai.relay.feeds.live.StreamMetrics;

/** What every stream endpoint needs: the log, the hub, the clock, metrics and the options. */
public record Streams(AdvisoryLog log, LiveHub hub, Clock clock, StreamMetrics metrics, StreamOptions options) {

    /** @throws ProblemException {@code OVERLOADED} when this server already serves as many streams as it may */
    public void requireCapacity() {
        if (hub.subscriberCount() >= options.maxSubscribers()) {
            throw new ProblemException(ProblemType.OVERLOADED, "this server already serves " + options.maxSubscribers()
                    + " streams; retry shortly or use another node");
        }
    }

    /**
     * A stream of {@code filter} over one transport; call {@code start} to run it. Create it on the
     * connection's event loop: it shares an equal filter already in use there.
     */
    public <F> StreamSubscription<F> subscription(String transport, StreamSink<F> sink, StreamFrames<F> frames,
                                                  AdvisoryFilter filter) {
        return new StreamSubscription<>(transport, sink, frames, hub.shared(filter), log, hub, clock, metrics,
                options.replayPageSize());
    }
}
