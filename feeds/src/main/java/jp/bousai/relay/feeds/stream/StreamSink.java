package jp.bousai.relay.feeds.stream;

import io.vertx.core.Handler;

/** Where a stream writes: an SSE response or a WebSocket, with their back-pressure. */
public interface StreamSink<F> {

    void write(F frame);

    boolean writeQueueFull();

    void drainHandler(Handler<Void> handler);

    /** Called once when the client goes away. */
    void closeHandler(Handler<Void> handler);

    /** Ends the stream (the client should reconnect and resume); forcibly after a grace period. */
    void end();

    /** Sends a keep-alive that is not a frame (WebSocket ping); no-op where frames do it. */
    default void ping() {
    }
}
