package jp.bousai.relay.feeds.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.bousai.relay.core.log.AdvisoryRecord;
import org.junit.jupiter.api.Test;

class LiveEventTest {

    private static final AdvisoryRecord RECORD = new AdvisoryRecord(7, null, "{}", Instant.EPOCH, "json");

    @Test
    void eachStreamKindsEncodingIsDoneOnceAndSharedByEverySubscriber() {
        LiveEncoding upper = new LiveEncoding(record -> "seq " + record.seq());
        LiveEncoding lower = new LiveEncoding(record -> "#" + record.seq());
        LiveEvent event = new LiveEvent(RECORD, List.of(upper, lower), 0);

        assertThat(event.encoded(upper)).isSameAs(event.encoded(upper));
        assertThat(event.encoded(upper).toString(StandardCharsets.UTF_8)).isEqualTo("seq 7");
        assertThat(event.encoded(lower).toString(StandardCharsets.UTF_8)).isEqualTo("#7");
    }

    @Test
    void anEncodingTheHubWasNotGivenIsStillWritten() {
        LiveEncoding late = new LiveEncoding(record -> "late " + record.seq());
        LiveEvent event = new LiveEvent(RECORD, List.of(), 0);

        assertThat(event.encoded(late).toString(StandardCharsets.UTF_8)).isEqualTo("late 7");
    }
}
