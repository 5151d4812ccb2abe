package jp.bousai.relay.core.log;

import java.time.Instant;
import java.util.List;

/**
 * The published documents matching a filter, read in one consistent snapshot of the log:
 * {@code headSeq} is the last sequence number the snapshot covers, and {@code lastChanged} the
 * last time anything matching the filter changed (a version received, a document expiring), or
 * null when nothing ever matched.
 */
public record CurrentView(List<CurrentAdvisory> advisories, long headSeq, Instant lastChanged) {

    public CurrentView {
        advisories = List.copyOf(advisories);
    }
}
