package jp.bousai.relay.feeds.sse;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jp.bousai.relay.feeds.stream.StreamSink;

/** An SSE response as a stream sink. */
final class SseSink implements StreamSink<Buffer> {

    /** How long a client that is cut off gets to read the end of its stream. */
    static final long CLOSE_GRACE_MILLIS = 5_000;

    private final Vertx vertx;
    private final HttpServerResponse response;

    SseSink(Vertx vertx, HttpServerResponse response) {
        this.vertx = vertx;
        this.response = response;
    }

    @Override
    public void write(Buffer frame) {
        if (!response.ended()) {
            response.write(frame);
        }
    }

    /** A response ended meanwhile (the server is stopping) is not full: its writes are dropped. */
    @Override
    public boolean writeQueueFull() {
        return !response.ended() && response.writeQueueFull();
    }

    @Override
    public void drainHandler(Handler<Void> handler) {
        response.drainHandler(handler);
    }

    @Override
    public void closeHandler(Handler<Void> handler) {
        response.closeHandler(handler);
    }

    @Override
    public void end() {
        if (!response.ended() && !response.closed()) {
            response.end();
            vertx.setTimer(CLOSE_GRACE_MILLIS, id -> {
                if (!response.closed()) {
                    response.reset();
                }
            });
        }
    }
}
