package jp.bousai.relay.feeds.ws;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import jp.bousai.relay.feeds.stream.ConnectionCloser;
import jp.bousai.relay.feeds.stream.StreamSink;
import jp.bousai.relay.feeds.vertx.VertxInternals;

/**
 * A WebSocket as a stream sink: text frames, and ping frames to keep it alive. A cut-off closes
 * the connection, not only the WebSocket.
 */
final class WsSink implements StreamSink<Buffer> {

    /** Vert.x's default largest WebSocket frame, which its clients also accept. */
    private static final int MAX_FRAME_BYTES = 65_536;

    /** How long a client that is cut off gets to read the end of its stream and answer the close. */
    static final long CLOSE_GRACE_MILLIS = 5_000;

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final HttpConnection connection;

    /** @param connection the upgraded connection, closed after a cut-off */
    WsSink(Vertx vertx, ServerWebSocket socket, HttpConnection connection) {
        this.vertx = vertx;
        this.socket = socket;
        this.connection = connection;
    }

    /**
     * Writes UTF-8 text as one text frame, sending the bytes as they are (a live event's are shared
     * by every subscriber). Text longer than the largest frame goes out as a fragmented message.
     */
    @Override
    public void write(Buffer text) {
        if (socket.isClosed()) {
            return;
        }
        if (text.length() <= MAX_FRAME_BYTES) {
            VertxInternals.writeTextFrame(socket, text);
        } else {
            socket.writeTextMessage(text.toString(StandardCharsets.UTF_8));
        }
    }

    /** A socket closed meanwhile is not full: its writes are dropped and its close handler removes it. */
    @Override
    public boolean writeQueueFull() {
        return !socket.isClosed() && socket.writeQueueFull();
    }

    @Override
    public void drainHandler(Handler<Void> handler) {
        socket.drainHandler(handler);
    }

    @Override
    public void closeHandler(Handler<Void> handler) {
        socket.closeHandler(handler);
    }

    /**
     * Sends a close frame; if the client has not completed the close within the grace period
     * (it does not read), its connection is reset, so that the kernel frees its send buffer.
     */
    @Override
    public void end() {
        if (!socket.isClosed()) {
            socket.close((short) 1008, "cut off");
            vertx.setTimer(CLOSE_GRACE_MILLIS, id -> ConnectionCloser.abort(connection));
        }
    }

    @Override
    public void ping() {
        if (!socket.isClosed()) {
            socket.writePing(Buffer.buffer());
        }
    }
}
