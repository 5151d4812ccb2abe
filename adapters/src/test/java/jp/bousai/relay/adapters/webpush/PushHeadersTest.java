package jp.bousai.relay.adapters.webpush;

import static jp.bousai.relay.adapters.webpush.PushAdvisories.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.ShelterBody;
import org.junit.jupiter.api.Test;

class PushHeadersTest {

    private static final Instant NOW = PushAdvisories.REPORTED.toInstant();

    @Test
    void urgencyIsHighOnlyForLevelFourAndFiveInForce() {
        assertThat(Urgency.of(order(EvacuationLevel.LEVEL_5, IssueStatus.ISSUED, null))).isEqualTo(Urgency.HIGH);
        assertThat(Urgency.of(order(EvacuationLevel.LEVEL_4, IssueStatus.ISSUED, null))).isEqualTo(Urgency.HIGH);
        assertThat(Urgency.of(order(EvacuationLevel.LEVEL_3, IssueStatus.ISSUED, null))).isEqualTo(Urgency.NORMAL);
        assertThat(Urgency.of(order(EvacuationLevel.LEVEL_4, IssueStatus.LIFTED, null))).isEqualTo(Urgency.LOW);
        assertThat(Urgency.of(PushAdvisories.notice("給水所のお知らせ"))).isEqualTo(Urgency.LOW);
        assertThat(Urgency.of(PushAdvisories.advisory(MessageType.REPORT, Mode.ACTUAL, Category.SHELTER,
                new ShelterBody(java.util.List.of()), "避難所開設", null))).isEqualTo(Urgency.NORMAL);
        assertThat(Urgency.of(PushAdvisories.advisory(MessageType.CANCEL, Mode.ACTUAL, Category.EVACUATION_ORDER,
                null, "取消", null))).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void aDrillNeverWakesAPhoneAsARealOrderWould() {
        assertThat(Urgency.of(PushAdvisories.withMode(order(EvacuationLevel.LEVEL_5, IssueStatus.ISSUED, null),
                Mode.EXERCISE))).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void topicIsThirtyTwoUrlSafeCharactersPerDocument() {
        String topic = PushTopic.of("0d6f2c84-3b1e-4f5a-a2c9-7e8d1b4f6a10");

        assertThat(topic).hasSize(32).matches("[A-Za-z0-9_-]{32}");
        assertThat(PushTopic.of("0d6f2c84-3b1e-4f5a-a2c9-7e8d1b4f6a10")).isEqualTo(topic);
        assertThat(PushTopic.of("0d6f2c84-3b1e-4f5a-a2c9-7e8d1b4f6a11")).isNotEqualTo(topic);
        assertThat(PushTopic.of("千代田区-避難指示-" + "x".repeat(500))).hasSize(32);
    }

    @Test
    void ttlRunsToTheEndOfValidityCappedAndDefaultsWhenOpen() {
        PushTtl ttl = PushTtl.defaults();
        var open = order(EvacuationLevel.LEVEL_4, IssueStatus.ISSUED, null);
        OffsetDateTime in90Minutes = PushAdvisories.REPORTED.plusMinutes(90);

        assertThat(ttl.seconds(open, NOW)).isEqualTo(PushTtl.DEFAULT_TTL.toSeconds());
        assertThat(ttl.seconds(PushAdvisories.withValidUntil(open, in90Minutes), NOW)).isEqualTo(5400);
        assertThat(ttl.seconds(PushAdvisories.withValidUntil(open, PushAdvisories.REPORTED.plusDays(30)), NOW))
                .isEqualTo(PushTtl.DEFAULT_MAX.toSeconds());
        assertThat(ttl.seconds(PushAdvisories.withValidUntil(open, PushAdvisories.REPORTED.minusHours(1)), NOW))
                .isZero();
        assertThat(new PushTtl(Duration.ofHours(1), Duration.ofHours(2)).seconds(open, NOW)).isEqualTo(3600);
    }
}
