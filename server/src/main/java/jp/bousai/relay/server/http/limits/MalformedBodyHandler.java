package jp.bousai.relay.server.http.limits;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits behind the HTTP decoder and answers a request body the decoder could not frame (a chunk
 * size that is not hexadecimal, a chunk too long) with {@code 400} problem+json, then closes the
 * connection: its framing is lost. Without it, the decoder's failure reached the application as
 * an unexpected exception (an ERROR with a stack trace per request) and the connection was closed
 * without an answer. Malformed request heads are answered by Vert.x's own invalid-request handler.
 */
final class MalformedBodyHandler extends ChannelInboundHandlerAdapter {

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
