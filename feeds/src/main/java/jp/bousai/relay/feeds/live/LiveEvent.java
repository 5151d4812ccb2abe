package jp.bousai.relay.feeds.live;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import jp.bousai.relay.core.log.AdvisoryRecord;

/**
 * A committed version on its way to live subscribers, encoded once per stream kind: every
 * subscriber of a kind is written the same bytes, off the heap ({@link SharedBytes}).
 * {@code committedNanos} is the {@link System#nanoTime()} at which the hub received it, for the
 * publish-to-write latency.
 */
public final class LiveEvent {

    private final AdvisoryRecord record;
    private final LiveEncoding[] encodings;
    private final Buffer[] encoded;
    private final long committedNanos;

    /** Encodes {@code record} once in each of {@code encodings}. */
    public LiveEvent(AdvisoryRecord record, List<LiveEncoding> encodings, long committedNanos) {
        this.record = record;
        this.encodings = encodings.toArray(new LiveEncoding[0]);
        this.encoded = new Buffer[this.encodings.length];
        for (int i = 0; i < this.encodings.length; i++) {
            encoded[i] = this.encodings[i].encode(record);
        }
        this.committedNanos = committedNanos;
    }

    public AdvisoryRecord record() {
        return record;
    }

    public long committedNanos() {
        return committedNanos;
    }

    /**
     * The version in {@code encoding}: the bytes shared by every subscriber of that kind, or (for
     * an encoding the hub was not given) encoded now.
     */
    public Buffer encoded(LiveEncoding encoding) {
        for (int i = 0; i < encodings.length; i++) {
            if (encodings[i] == encoding) {
                return encoded[i];
            }
        }
        return encoding.encode(record);
    }
}
