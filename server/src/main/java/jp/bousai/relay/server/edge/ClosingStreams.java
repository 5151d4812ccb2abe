package jp.bousai.relay.server.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The open Server-Sent Event streams of one HTTP server instance (one event loop), so that when
 * the server stops each gets an {@code event: shutdown} and its end, and its client reconnects,
 * to another node, at once (with {@code Last-Event-ID}, so without a gap). Used from its event
 * loop only.
 */
public final class ClosingStreams {

    /** What a stream gets when the server stops; {@code retry} asks EventSource to reconnect soon. */
    static final Buffer SHUTDOWN_EVENT = Buffer.buffer(
            "event: shutdown\nretry: 1000\ndata: {\"reason\":\"the server is shutting down; reconnect\"}\n\n");

    private final Set<RoutingContext> open = new HashSet<>();

    /** Route handler before the stream endpoint: remembers the stream until it ends. */
    public void track(RoutingContext ctx) {
        open.add(ctx);
        ctx.addEndHandler(done -> open.remove(ctx));
        ctx.next();
    }

    /**
     * Sends every open stream its shutdown event and ends it; an HTTP/1.1 stream's connection is
     * then closed, which also ends its subscription (an HTTP/2 stream ends by itself).
     */
    public void closeAll() {
        for (RoutingContext ctx : List.copyOf(open)) {
            HttpServerResponse response = ctx.response();
            if (response.headWritten() && !response.ended() && !response.closed()) {
                response.end(SHUTDOWN_EVENT).onComplete(done -> {
                    if (ctx.request().version() != HttpVersion.HTTP_2) {
                        ctx.request().connection().close();
                    }
                });
            }
        }
        open.clear();
    }
}
