package jp.bousai.relay.feeds.stream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

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
        if (connection instanceof ConnectionBase base) {
            Channel channel = base.channel();
            // Below the pipeline: Vert.x's handler turns a close into a graceful shutdown that
            // waits for the unread output to flush, which for this peer is never.
            channel.eventLoop().execute(() -> {
                if (channel.isOpen()) {
                    channel.config().setOption(ChannelOption.SO_LINGER, 0);
                    channel.unsafe().close(channel.unsafe().voidPromise());
                }
            });
            return;
        }
        connection.close();
    }
}
