package jp.bousai.relay.feeds.sse;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.feeds.http.FilterParams;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;
import jp.bousai.relay.feeds.stream.Streams;

/**
 * {@code GET /api/v1/stream}: advisories as Server-Sent Events, filtered by the query. Resumes
 * after {@code Last-Event-ID} (or {@code ?since=}); {@code ?snapshot=true} first sends what is
 * published now.
 */
public final class SseEndpoint implements Handler<RoutingContext>, HttpEndpoint {

    private final Streams streams;

    public SseEndpoint(Streams streams) {
        this.streams = streams;
        streams.hub().encodeFor(SseFrames.LIVE);
    }

    /** {@code GET /api/v1/stream}, tracked so that the stream is told to reconnect when its server stops. */
    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.get("/api/v1/stream").handler(support.streamTracking()).handler(this);
    }

    @Override
    public void handle(RoutingContext ctx) {
        FilterParams.requireKnown(ctx.queryParams(), true, "since", "snapshot");
        AdvisoryFilter filter = FilterParams.parse(ctx.queryParams());
        String lastEventId = ctx.request().getHeader("Last-Event-ID");
        Long since = lastEventId != null
                ? FilterParams.sequenceNumber("Last-Event-ID", lastEventId)
                : FilterParams.sequenceNumber("query parameter 'since'", ctx.queryParams().get("since"));
        boolean snapshot = FilterParams.flag(ctx.queryParams(), "snapshot");
        streams.requireCapacity();
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Accel-Buffering", "no")
                .setWriteQueueMaxSize(streams.options().maxPendingBytes());
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // a stream's connection is not reused: it is closed when the stream ends
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.write(SseFrames.PREAMBLE);
        streams.subscription("sse", new SseSink(ctx.vertx(), ctx.request()), SseFrames.INSTANCE, filter)
                .start(since, snapshot);
    }
}
