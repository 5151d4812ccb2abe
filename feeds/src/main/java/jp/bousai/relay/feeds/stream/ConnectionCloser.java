package jp.bousai.relay.feeds.stream;

import io.vertx.core.http.HttpConnection;
import jp.bousai.relay.feeds.vertx.VertxInternals;

/**
 * Closes a cut-off subscriber's connection. A subscriber that has read its stream's end gets a
 * normal close. One that still has not read it after the grace period gets a reset (linger 0):
 * a normal close would leave the unread output in the kernel's send buffer until TCP gives up on
 * the peer, which for a peer that keeps acknowledging with a zero window can take many minutes.
 */
public final class ConnectionCloser {

    private ConnectionCloser() {
    }

    /** Closes normally: what was written is still delivered. */
    public static void close(HttpConnection connection) {
        connection.close();
    }

    /** Closes with a reset, dropping whatever the peer has not read; frees the kernel's buffers at once. */
    public static void abort(HttpConnection connection) {
        VertxInternals.reset(connection);
    }
}
