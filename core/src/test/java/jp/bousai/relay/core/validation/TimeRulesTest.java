package jp.bousai.relay.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import jp.bousai.relay.core.TestAdvisories;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.problem.FieldError;
import org.junit.jupiter.api.Test;

class TimeRulesTest {

    /** An hour after the test order was reported. */
    private static final Instant NOW = TestAdvisories.REPORTED.toInstant().plusSeconds(3600);

    private static Advisory withTimes(MessageType type, OffsetDateTime report, OffsetDateTime target,
                                      OffsetDateTime validUntil) {
        Advisory a = TestAdvisories.evacuationOrder();
        return new Advisory(a.distributionId(), a.documentId(), a.revision(), type, a.mode(), a.category(),
                a.sender(), a.areas(), report, target, validUntil, a.disaster(), a.headline(), a.text(), a.body());
    }

    private static List<String> pointers(Advisory advisory) {
        FieldErrors errors = new FieldErrors();
        TimeRules.check(advisory, NOW, errors);
        return errors.list().stream().map(FieldError::pointer).toList();
    }

    @Test
    void acceptsAnOrderValidForAnotherDay() {
        assertThat(pointers(TestAdvisories.evacuationOrder())).isEmpty();
    }

    @Test
    void refusesAValidUntilAlreadyPastButNotOnACancel() {
        OffsetDateTime reported = TestAdvisories.REPORTED;
        assertThat(pointers(withTimes(MessageType.UPDATE, reported, null, reported.plusMinutes(30))))
                .containsExactly("/validUntil");
        assertThat(pointers(withTimes(MessageType.CANCEL, reported, null, reported.plusMinutes(30)))).isEmpty();
    }

    @Test
    void refusesTimesBefore2000AndFarAhead() {
        OffsetDateTime reported = TestAdvisories.REPORTED;
        assertThat(pointers(withTimes(MessageType.REPORT, reported.withYear(1999), reported.withYear(1998), null)))
                .containsExactly("/reportTime", "/targetTime");
        assertThat(pointers(withTimes(MessageType.REPORT, reported.plusDays(2), reported.plusYears(2),
                reported.plusYears(3)))).containsExactly("/reportTime", "/targetTime", "/validUntil");
        assertThat(pointers(withTimes(MessageType.REPORT, reported.plusHours(20), reported.plusDays(300),
                reported.plusDays(300)))).isEmpty();
    }
}
