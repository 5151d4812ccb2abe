package jp.bousai.relay.feeds.ws;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.feeds.http.FilterParams;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;
import jp.bousai.relay.feeds.stream.StreamSubscription;
import jp.bousai.relay.feeds.stream.Streams;

/**
 * {@code GET /api/v1/ws}: the stream over a WebSocket, with the SSE stream's semantics. The client
 * sends {@code {"type":"subscribe", "area":[...], "category":[...], "mode":[...], "since":N,
 * "snapshot":true}}; a new subscribe replaces the current one, {@code {"type":"unsubscribe"}} stops
 * it. The server sends {@code subscribed}, {@code advisory}, {@code snapshot},
 * {@code snapshot-end}, {@code gap}, {@code cutoff} and {@code error} messages (docs/api.md), and
 * closes with 1001 (going away) when the server shuts down.
 */
public final class WsEndpoint implements Handler<RoutingContext>, HttpEndpoint {

    static final String TRANSPORT = "ws";
    /** The close code (RFC 6455) sent when the server shuts down. */
    static final short GOING_AWAY = 1001;

    private final Streams streams;

    public WsEndpoint(Streams streams) {
        this.streams = streams;
        streams.hub().encodeFor(WsFrames.LIVE);
    }

    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.get("/api/v1/ws").handler(this);
    }

    @Override
    public void handle(RoutingContext ctx) {
        FilterParams.requireKnown(ctx.queryParams(), false);
        streams.requireCapacity();
        HttpConnection connection = ctx.request().connection();
        ctx.request().toWebSocket().onSuccess(socket -> serve(ctx.vertx(), socket, connection)).onFailure(ctx::fail);
    }

    private void serve(Vertx vertx, ServerWebSocket socket, HttpConnection connection) {
        socket.setWriteQueueMaxSize(streams.options().maxPendingBytes());
        WsSink sink = new WsSink(vertx, socket, connection);
        // when the server stops: "going away", so that the client reconnects (elsewhere) at once
        socket.shutdownHandler(v -> socket.close(GOING_AWAY, "server shutting down"));
        @SuppressWarnings("unchecked")
        StreamSubscription<Buffer>[] current = new StreamSubscription[1];
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
                current[0] = streams.subscription(TRANSPORT, sink, WsFrames.INSTANCE, request.filter());
                current[0].start(request.since(), request.snapshot());
            }
        });
    }
}
