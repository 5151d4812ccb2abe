package jp.bousai.relay.server.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
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

    private final Set<HttpServerResponse> open = new HashSet<>();

    /** Route handler before the stream endpoint: remembers the response until it ends. */
    public void track(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        open.add(response);
        ctx.addEndHandler(done -> open.remove(response));
        ctx.next();
    }

    /** Sends every open stream its shutdown event and ends it. */
    public void closeAll() {
        for (HttpServerResponse response : List.copyOf(open)) {
            if (response.headWritten() && !response.ended() && !response.closed()) {
                response.end(SHUTDOWN_EVENT);
            }
        }
        open.clear();
    }
}
