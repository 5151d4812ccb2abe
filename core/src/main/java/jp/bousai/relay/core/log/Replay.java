package jp.bousai.relay.core.log;

import java.util.List;

/**
 * Versions after a sequence number that match a filter, in order. {@code firstRetainedSeq} is
 * the oldest sequence number whose history is still kept: a resume point before
 * {@code firstRetainedSeq - 1} cannot be served without a gap. {@code headSeq} is the last
 * sequence number the read saw; {@code complete} says whether every matching version up to it
 * is in {@code records} (false when the limit cut the page short).
 */
public record Replay(List<AdvisoryRecord> records, long firstRetainedSeq, long headSeq, boolean complete) {

    public Replay {
        records = List.copyOf(records);
    }
}
