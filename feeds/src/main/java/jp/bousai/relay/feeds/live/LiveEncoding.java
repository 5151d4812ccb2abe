package jp.bousai.relay.feeds.live;

import io.vertx.core.buffer.Buffer;
import java.util.function.Function;
import jp.bousai.relay.core.log.AdvisoryRecord;

/**
 * How one kind of stream (SSE, WebSocket, …) writes a live version. A stream kind gives its
 * encoding to the hub ({@link LiveHub#encodeFor}), which then encodes each committed version once
 * for all of that kind's subscribers ({@link LiveEvent#encoded}); the hub itself knows no stream
 * kind.
 */
public final class LiveEncoding {

    private final Function<AdvisoryRecord, String> text;

    /** @param text the version as the stream writes it, UTF-8 encoded once per version */
    public LiveEncoding(Function<AdvisoryRecord, String> text) {
        this.text = text;
    }

    /** The version's bytes, off the heap and shared by every subscriber ({@link SharedBytes}). */
    Buffer encode(AdvisoryRecord record) {
        return SharedBytes.of(text.apply(record));
    }
}
