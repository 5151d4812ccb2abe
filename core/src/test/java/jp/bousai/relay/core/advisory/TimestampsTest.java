package jp.bousai.relay.core.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TimestampsTest {

    @Test
    void writesWholeSecondsAndKeepsTheTimesOwnOffset() {
        assertThat(Timestamps.rfc3339(OffsetDateTime.parse("2026-09-01T10:00+09:00")))
                .isEqualTo("2026-09-01T10:00:00+09:00");
        assertThat(Timestamps.rfc3339(OffsetDateTime.parse("2026-09-01T10:00:05.999+09:00")))
                .isEqualTo("2026-09-01T10:00:05+09:00");
        assertThat(Timestamps.rfc3339(OffsetDateTime.parse("2026-09-01T01:00:00Z")))
                .isEqualTo("2026-09-01T01:00:00+00:00");
        assertThat(Timestamps.rfc3339(OffsetDateTime.parse("2026-08-31T20:30:00-05:30")))
                .isEqualTo("2026-08-31T20:30:00-05:30");
    }

    @Test
    void serverTimesAreUtcWithANumericOffsetNeverZ() {
        assertThat(Timestamps.utc(Instant.parse("2026-09-01T01:00:00.250Z"))).isEqualTo("2026-09-01T01:00:00+00:00");
        assertThat(Timestamps.utc(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00+00:00").matches(Timestamps.PATTERN);
    }

    @Test
    void readingDropsTheFractionOfASecond() {
        assertThat(Timestamps.toSeconds(OffsetDateTime.parse("2026-09-01T10:00:00.750+09:00")))
                .isEqualTo(OffsetDateTime.parse("2026-09-01T10:00:00+09:00"));
        assertThat(Timestamps.toSeconds(null)).isNull();
    }
}
