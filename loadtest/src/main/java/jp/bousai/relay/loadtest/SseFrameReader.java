package jp.bousai.relay.loadtest;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Splits one SSE stream into its events ({@code \n\n}-terminated) and hands those with data to the
 * deliveries. Chunks are read as Latin-1, one char per byte, with no UTF-8 decoding: everything
 * looked for is ASCII. A partial event is held until the rest arrives.
 */
final class SseFrameReader implements Handler<Buffer> {

    private final int subscriber;
    private final Deliveries deliveries;
    private String partial = "";

    SseFrameReader(int subscriber, Deliveries deliveries) {
        this.subscriber = subscriber;
        this.deliveries = deliveries;
    }

    @Override
    public void handle(Buffer chunk) {
        long now = System.nanoTime();
        String text = partial + chunk.toString(StandardCharsets.ISO_8859_1);
        int start = 0;
        int end;
        while ((end = text.indexOf("\n\n", start)) >= 0) {
            int data = text.indexOf("data:", start);
            if (data >= 0 && data < end) {
                deliveries.received(subscriber, text, start, end, now);
            }
            start = end + 2;
        }
        partial = text.substring(start);
    }
}
