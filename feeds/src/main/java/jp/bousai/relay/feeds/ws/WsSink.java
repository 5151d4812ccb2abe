package jp.bousai.relay.feeds.ws;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import jp.bousai.relay.feeds.stream.StreamSink;

/** A WebSocket as a stream sink: text frames, and ping frames to keep it alive. */
final class WsSink implements StreamSink<String> {

    private final ServerWebSocket socket;

    WsSink(ServerWebSocket socket) {
        this.socket = socket;
    }

    @Override
    public void write(String frame) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(frame);
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

    @Override
    public void end() {
        if (!socket.isClosed()) {
            socket.close((short) 1008, "cut off");
        }
    }

    @Override
    public void ping() {
        if (!socket.isClosed()) {
            socket.writePing(Buffer.buffer());
        }
    }
}
