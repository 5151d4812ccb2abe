package jp.bousai.relay.core.log;

import java.time.Instant;
import jp.bousai.relay.core.advisory.Advisory;

/**
 * An accepted version as the log holds it: its global sequence number, the advisory, its
 * canonical JSON (rendered once, shared by every JSON output), when it was received and the
 * inbound format it arrived in.
 */
public record AdvisoryRecord(long seq, Advisory advisory, String json, Instant receivedAt, String format) {
}
