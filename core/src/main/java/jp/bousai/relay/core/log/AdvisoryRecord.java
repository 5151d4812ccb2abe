package jp.bousai.relay.core.log;

import java.time.Instant;
import java.util.List;
import jp.bousai.relay.core.advisory.Advisory;

/**
 * An accepted version as the log holds it: its global sequence number, the advisory, its
 * canonical JSON (rendered once, shared by every JSON output), when it was received, the
 * inbound format it arrived in, and the document's earlier revisions, oldest first (what a CAP
 * Update or Cancel references).
 */
public record AdvisoryRecord(long seq, Advisory advisory, String json, Instant receivedAt, String format,
                             List<EarlierRevision> earlier) {

    public AdvisoryRecord {
        earlier = earlier == null ? List.of() : List.copyOf(earlier);
    }

    /** A version with no earlier revisions known. */
    public AdvisoryRecord(long seq, Advisory advisory, String json, Instant receivedAt, String format) {
        this(seq, advisory, json, receivedAt, format, List.of());
    }
}
