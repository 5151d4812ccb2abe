package jp.bousai.relay.server.internals;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every use of Vert.x internals and of Netty's channel pipeline in the server module, in one class
 * so that a Vert.x upgrade that moves them breaks here only. The lifecycle deployer needs a context
 * of no verticle ({@link #newTopLevelContext}). The connection guard needs the Netty channel under
 * an HTTP connection, and the one handler put in it, for what the public API does not offer: a handler behind the HTTP/1.x decoder, the channel's own
 * close (a connection upgraded to a WebSocket no longer tells its HTTP close handler), and whether
 * a connection became a WebSocket. Connections of another kind (none today) are left alone.
 */
public final class VertxInternals {

    /** The name of Vert.x's HTTP/1.x request decoder in a connection's pipeline. */
    private static final String HTTP_DECODER = "httpDecoder";

    private VertxInternals() {
    }

    /** Puts a {@link MalformedBodyHandler} behind the HTTP/1.x decoder, once. */
    public static void refuseMalformedBodies(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            ChannelPipeline pipeline = base.channel().pipeline();
            if (pipeline.get(HTTP_DECODER) != null && pipeline.get(MalformedBodyHandler.NAME) == null) {
                pipeline.addAfter(HTTP_DECODER, MalformedBodyHandler.NAME, new MalformedBodyHandler());
            }
        }
    }

    /**
     * Runs {@code closed} on the connection's loop when its channel closes, whatever protocol it
     * speaks by then; false (nothing registered) for a connection without a channel of its own.
     */
    public static boolean onChannelClosed(HttpConnection connection, Runnable closed) {
        if (connection instanceof ConnectionBase base) {
            base.channel().closeFuture().addListener(done -> closed.run());
            return true;
        }
        return false;
    }

    /**
     * Whether the connection became a WebSocket: the handshake replaces the HTTP decoder. Not the
     * request's {@code Upgrade} header: a request that asks for an upgrade it does not get (refused,
     * or on another path) would otherwise escape every bound.
     */
    public static boolean upgradedToWebSocket(HttpConnection connection) {
        return connection instanceof ConnectionBase base && base.channel().pipeline().get(HTTP_DECODER) == null
                && base.channel().pipeline().get(WebSocketFrameDecoder.class) != null;
    }

    /**
     * Sits behind the HTTP decoder and answers a request body the decoder could not frame (a chunk
     * size that is not hexadecimal, a chunk too long) with {@code 400} problem+json, then closes the
     * connection: its framing is lost. Without it, the decoder's failure reached the application as
     * an unexpected exception (an ERROR with a stack trace per request) and the connection was closed
     * without an answer. Malformed request heads are answered by Vert.x's own invalid-request handler.
     */
    /**
     * A new event-loop context of no verticle. The public API makes a deployment asked for on a
     * verticle's context a child of that verticle (undeployed with it); a long-lived part deployed
     * from here is a top-level deployment that lives until it is stopped itself.
     */
    public static Context newTopLevelContext(Vertx vertx) {
        return ((VertxInternal) vertx).createEventLoopContext();
    }

    private static final class MalformedBodyHandler extends ChannelInboundHandlerAdapter {

        static final String NAME = "bousaiMalformedBody";
        private static final Logger LOG = LoggerFactory.getLogger(MalformedBodyHandler.class);
        private static final byte[] BODY = ("{\"type\":\"urn:bousai-relay:problem:malformed\",\"title\":\"Malformed request\","
                + "\"status\":400,\"detail\":\"the request body's chunked framing is malformed\"}")
                .getBytes(StandardCharsets.UTF_8);
        private static final byte[] ANSWER = ("HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\n"
                + "content-length: " + BODY.length + "\r\nconnection: close\r\n\r\n" + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpContent content && content.decoderResult().isFailure()) {
                Throwable cause = content.decoderResult().cause();
                ReferenceCountUtil.release(message);
                LOG.info("[client: {}] malformed request body refused (400): {}", ctx.channel().remoteAddress(),
                        cause == null ? "undecodable" : cause.getMessage());
                ctx.writeAndFlush(Unpooled.wrappedBuffer(ANSWER)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(message);
        }
    }
}
