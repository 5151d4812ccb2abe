package jp.bousai.relay.feeds.live;

import io.vertx.core.buffer.Buffer;
import jp.bousai.relay.core.log.AdvisoryRecord;

/**
 * A committed version on its way to live subscribers, encoded once per representation: every
 * matching SSE subscriber is written the same bytes, every WebSocket the same UTF-8 text, both
 * off the heap ({@link SharedBytes}).
 * {@code committedNanos} is the {@link System#nanoTime()} at which the hub received it, for the
 * publish-to-write latency.
 */
public record LiveEvent(AdvisoryRecord record, Buffer sseFrame, Buffer webSocketText, long committedNanos) {
}
