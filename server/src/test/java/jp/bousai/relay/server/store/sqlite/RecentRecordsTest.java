package jp.bousai.relay.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import jp.bousai.relay.core.log.AdvisoryRecord;
import org.junit.jupiter.api.Test;

class RecentRecordsTest {

    private static AdvisoryRecord version(long seq) {
        return new AdvisoryRecord(seq, null, "{}", Instant.EPOCH, "json");
    }

    @Test
    void keepsTheLastVersionsAndNeverAnswersWithAnotherSeq() {
        RecentRecords recent = new RecentRecords();
        AdvisoryRecord first = version(7);
        recent.put(first);
        assertThat(recent.get(7)).isSameAs(first);
        assertThat(recent.get(8)).as("not yet committed").isNull();
        AdvisoryRecord later = version(7 + RecentRecords.CAPACITY);
        recent.put(later);
        assertThat(recent.get(7)).as("its slot was taken by a newer version: read from the file").isNull();
        assertThat(recent.get(7 + RecentRecords.CAPACITY)).isSameAs(later);
    }
}
