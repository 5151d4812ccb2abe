package jp.bousai.relay.core.log;

import java.time.Instant;
import java.util.List;

/**
 * One page of the published documents matching a filter, read in one consistent snapshot of the
 * log: {@code headSeq} is the last sequence number the snapshot covers, {@code lastChanged} the
 * last time anything matching the filter changed (a version received, a document expiring), or
 * null when nothing ever matched, and {@code nextCursor} the cursor of the next page, or null when
 * this page is the last.
 */
public record CurrentView(List<CurrentAdvisory> advisories, long headSeq, Instant lastChanged, Long nextCursor) {

    public CurrentView {
        advisories = List.copyOf(advisories);
    }
}
