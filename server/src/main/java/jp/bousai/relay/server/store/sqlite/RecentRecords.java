package jp.bousai.relay.server.store.sqlite;

import java.util.concurrent.atomic.AtomicReferenceArray;
import jp.bousai.relay.core.log.AdvisoryRecord;

/**
 * The last versions committed, kept as read so that the reads that follow a commit (each durable
 * channel's dispatcher, streams catching up) need not parse the stored JSON again. A version never
 * changes once written, so a version found here is the stored one. Written by the log's writer
 * thread, read by any.
 */
final class RecentRecords {

    /** About 5 s of versions at 200 a second. */
    static final int CAPACITY = 1024;

    private final AtomicReferenceArray<AdvisoryRecord> slots = new AtomicReferenceArray<>(CAPACITY);

    void put(AdvisoryRecord record) {
        slots.set(slot(record.seq()), record);
    }

    /** The version with this {@code seq}, or null when it is no longer (or not yet) kept. */
    AdvisoryRecord get(long seq) {
        AdvisoryRecord record = slots.get(slot(seq));
        return record != null && record.seq() == seq ? record : null;
    }

    private static int slot(long seq) {
        return (int) Math.floorMod(seq, (long) CAPACITY);
    }
}
