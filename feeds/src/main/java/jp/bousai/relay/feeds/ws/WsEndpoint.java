package jp.bousai.relay.feeds.ws;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.live.LiveHub;
import jp.bousai.relay.feeds.live.StreamMetrics;
import jp.bousai.relay.feeds.sse.StreamOptions;
import jp.bousai.relay.feeds.stream.StreamSubscription;

/**
 * {@code GET /api/v1/ws}: the stream over a WebSocket, with the SSE stream's semantics. The client
 * sends {@code {"type":"subscribe", "area":[...], "category":[...], "mode":[...], "since":N,
 * "snapshot":true}}; a new subscribe replaces the current one, {@code {"type":"unsubscribe"}} stops
 * it. The server sends {@code subscribed}, {@code advisory}, {@code snapshot},
 * {@code snapshot-end}, {@code gap}, {@code cutoff} and {@code error} messages (docs/api.md).
 */
public final class WsEndpoint implements Handler<RoutingContext> {

    static final String TRANSPORT = "ws";

    private final AdvisoryLog log;
    private final LiveHub hub;
    private final Clock clock;
    private final StreamMetrics metrics;
    private final StreamOptions options;

    public WsEndpoint(AdvisoryLog log, LiveHub hub, Clock clock, StreamMetrics metrics, StreamOptions options) {
        this.log = log;
        this.hub = hub;
        this.clock = clock;
        this.metrics = metrics;
        this.options = options;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (hub.subscriberCount() >= options.maxSubscribers()) {
            throw new ProblemException(ProblemType.OVERLOADED, "this server already serves " + options.maxSubscribers()
                    + " streams; retry shortly or use another node");
        }
        ctx.request().toWebSocket().onSuccess(this::serve).onFailure(ctx::fail);
    }

    private void serve(ServerWebSocket socket) {
        socket.setWriteQueueMaxSize(options.maxPendingBytes());
        WsSink sink = new WsSink(socket);
        @SuppressWarnings("unchecked")
        StreamSubscription<String>[] current = new StreamSubscription[1];
        socket.closeHandler(v -> {
            if (current[0] != null) {
                current[0].cancel();
            }
        });
        socket.textMessageHandler(text -> {
            AdvisoryStreamRequest request;
            try {
                request = AdvisoryStreamRequest.parse(text);
            } catch (ProblemException problem) {
                sink.write(WsFrames.error(problem.detail()));
                return;
            }
            if (current[0] != null) {
                current[0].cancel();
                current[0] = null;
            }
            if (request.type().equals("subscribe")) {
                sink.write(WsFrames.subscribed(request));
                current[0] = new StreamSubscription<>(TRANSPORT, sink, WsFrames.INSTANCE, request.filter(), log, hub,
                        clock, metrics, options.replayPageSize());
                current[0].start(request.since(), request.snapshot());
            }
        });
    }
}
