package jp.bousai.relay.loadtest;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * Splits one SSE stream into its events ({@code \n\n}-terminated) and hands those with data to the
 * deliveries (which ignore those without a documentId of this run), reading bytes without decoding
 * them. A partial event is held until the rest arrives.
 */
final class SseFrameReader implements Handler<Buffer> {

    private final int subscriber;
    private final Deliveries deliveries;
    private Buffer partial;

    SseFrameReader(int subscriber, Deliveries deliveries) {
        this.subscriber = subscriber;
        this.deliveries = deliveries;
    }

    @Override
    public void handle(Buffer chunk) {
        long now = System.nanoTime();
        Buffer bytes = partial == null ? chunk : partial.appendBuffer(chunk);
        ByteBuf buf = VertxInternals.byteBuf(bytes);
        int length = bytes.length();
        int start = 0;
        int end;
        while ((end = blankLine(buf, start, length)) >= 0) {
            deliveries.received(subscriber, bytes, start, end, now);
            start = end + 2;
        }
        partial = start >= length ? null : bytes.getBuffer(start, length);
    }

    /** Where the first {@code \n\n} at or after {@code from} starts, or -1. */
    private static int blankLine(ByteBuf buf, int from, int length) {
        int newline;
        while ((newline = buf.indexOf(from, length, (byte) '\n')) >= 0 && newline + 1 < length) {
            if (buf.getByte(newline + 1) == '\n') {
                return newline;
            }
            from = newline + 1;
        }
        return -1;
    }
}
