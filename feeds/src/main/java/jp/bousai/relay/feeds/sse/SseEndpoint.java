package jp.bousai.relay.feeds.sse;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.http.FilterParams;
import jp.bousai.relay.feeds.live.LiveHub;
import jp.bousai.relay.feeds.live.StreamMetrics;
import jp.bousai.relay.feeds.stream.StreamSubscription;

/**
 * {@code GET /api/v1/stream}: advisories as Server-Sent Events, filtered by the query. Resumes
 * after {@code Last-Event-ID} (or {@code ?since=}); {@code ?snapshot=true} first sends what is
 * published now.
 */
public final class SseEndpoint implements Handler<RoutingContext> {

    private final AdvisoryLog log;
    private final LiveHub hub;
    private final Clock clock;
    private final StreamMetrics metrics;
    private final StreamOptions options;

    public SseEndpoint(AdvisoryLog log, LiveHub hub, Clock clock, StreamMetrics metrics, StreamOptions options) {
        this.log = log;
        this.hub = hub;
        this.clock = clock;
        this.metrics = metrics;
        this.options = options;
    }

    @Override
    public void handle(RoutingContext ctx) {
        AdvisoryFilter filter = FilterParams.parse(ctx.queryParams());
        String lastEventId = ctx.request().getHeader("Last-Event-ID");
        Long since = lastEventId != null
                ? FilterParams.sequenceNumber("Last-Event-ID", lastEventId)
                : FilterParams.sequenceNumber("query parameter 'since'", ctx.queryParams().get("since"));
        boolean snapshot = FilterParams.flag(ctx.queryParams(), "snapshot");
        if (hub.subscriberCount() >= options.maxSubscribers()) {
            throw new ProblemException(ProblemType.OVERLOADED, "this server already serves "
                    + options.maxSubscribers() + " streams; retry shortly or use another node");
        }
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Accel-Buffering", "no")
                .setWriteQueueMaxSize(options.maxPendingBytes());
        response.write(SseFrames.PREAMBLE);
        new StreamSubscription<>("sse", new SseSink(ctx.vertx(), response), SseFrames.INSTANCE, filter, log, hub, clock,
                metrics, options.replayPageSize()).start(since, snapshot);
    }
}
