package jp.bousai.relay.feeds.sse;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import jp.bousai.relay.feeds.stream.ConnectionCloser;
import jp.bousai.relay.feeds.stream.StreamSink;

/**
 * An SSE response as a stream sink. When the stream ends (a cut-off), its connection is closed
 * too, not only the response: at once when the end has been written, or with a reset after a
 * grace period if the client still does not read, so that the kernel frees its send buffer.
 * (Over HTTP/2 only the stream is reset: the connection carries other streams.)
 */
final class SseSink implements StreamSink<Buffer> {

    /** How long a client that is cut off gets to read the end of its stream. */
    static final long CLOSE_GRACE_MILLIS = 5_000;

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final HttpServerResponse response;

    SseSink(Vertx vertx, HttpServerRequest request) {
        this.vertx = vertx;
        this.request = request;
        this.response = request.response();
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
        if (response.ended() || response.closed()) {
            return;
        }
        boolean multiplexed = request.version() == HttpVersion.HTTP_2;
        response.end().onSuccess(v -> {
            if (!multiplexed) {
                ConnectionCloser.close(request.connection());
            }
        });
        vertx.setTimer(CLOSE_GRACE_MILLIS, id -> {
            if (multiplexed) {
                response.reset();
            } else {
                ConnectionCloser.abort(request.connection());
            }
        });
    }
}
