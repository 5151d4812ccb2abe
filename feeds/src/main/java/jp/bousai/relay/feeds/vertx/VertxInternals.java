package jp.bousai.relay.feeds.vertx;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

/**
 * Every use of Vert.x internals and of the Netty channel in the feeds module, so that a Vert.x
 * upgrade that moves them breaks here only. Each is used because the public API has no way to do
 * what the streams need at their scale (thousands of subscribers per event loop):
 * <ul>
 *   <li>the event loop under a context, to group subscribers by loop (a request's context is a
 *       duplicate of its own, so contexts do not group them) and run one task per loop;</li>
 *   <li>off-heap bytes that no write releases, written as they are to every subscriber;</li>
 *   <li>a WebSocket text frame from bytes already encoded (the public API takes a String and
 *       encodes it again per socket);</li>
 *   <li>a reset (linger 0) below Vert.x's graceful close, for a peer that never reads.</li>
 * </ul>
 */
public final class VertxInternals {

    private VertxInternals() {
    }

    /** The event-loop context {@code context} runs on (itself, or the context it duplicates). */
    public static Context rootContext(Context context) {
        return ((ContextInternal) context).unwrap();
    }

    /** The Netty event loop (thread) {@code context} runs on: the same for every context of that loop. */
    public static Executor eventLoopOf(Context context) {
        return ((ContextInternal) context).nettyEventLoop();
    }

    /** A periodic timer whose handler runs on {@code context} itself (not on the caller's context). */
    public static long setPeriodic(Context context, long delayMillis, Handler<Long> handler) {
        return ((ContextInternal) context).setPeriodic(delayMillis, handler);
    }

    /**
     * The bytes off the heap, as a buffer that no write ever releases (the garbage collector frees
     * them with the last reference): a socket write sends them without first copying them to a
     * direct buffer. Each write takes its own view, so connections never share a read position.
     */
    public static Buffer unreleasableDirect(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return BufferInternal.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct)));
    }

    /** Writes UTF-8 {@code text} (at most one frame long) as one final text frame, its bytes as they are. */
    public static void writeTextFrame(ServerWebSocket socket, Buffer text) {
        ByteBuf bytes = ((BufferInternal) text).getByteBuf();
        socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, bytes, true));
    }

    /**
     * Closes {@code connection} with a reset (SO_LINGER 0), dropping whatever the peer has not
     * read, which frees the kernel's send buffer at once. It goes below the pipeline: Vert.x's
     * handler turns a close into a graceful shutdown that waits for the unread output to flush,
     * which for a peer that keeps acknowledging with a zero window is never. A connection of
     * another kind is closed normally.
     */
    public static void reset(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            Channel channel = base.channel();
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
