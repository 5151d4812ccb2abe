package jp.bousai.relay.feeds.live;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import jp.bousai.relay.feeds.vertx.VertxInternals;

/**
 * Bytes written unchanged to many connections: a live event's frame. They are kept off the heap,
 * so that a socket write sends them as they are instead of first copying them to a direct buffer,
 * and no write ever releases them; the garbage collector frees them with the last reference.
 * Each write takes its own view ({@code Buffer} slices), so connections never share a read position.
 */
public final class SharedBytes {

    private SharedBytes() {
    }

    public static Buffer of(String text) {
        return VertxInternals.unreleasableDirect(text.getBytes(StandardCharsets.UTF_8));
    }
}
