package jp.bousai.relay.core.validation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Timestamps;

/**
 * The rules that need the time of receipt: an advisory that has already ended, or whose times
 * cannot be meant (a typo in the year, a clock set decades wrong), is refused rather than
 * acknowledged and then never shown or pushed.
 */
public final class TimeRules {

    /** No advisory this relay handles can be older than this. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far ahead of the relay's clock a report time may be: clock skew, not a date typo. */
    public static final Duration MAX_REPORT_AHEAD = Duration.ofDays(1);
    /** How far ahead a target time or the end of validity may be. */
    public static final Duration MAX_AHEAD = Duration.ofDays(366);

    private TimeRules() {
    }

    /** Adds every time rule the advisory breaks at {@code now} to {@code errors}. */
    public static void check(Advisory advisory, Instant now, FieldErrors errors) {
        plausible(advisory.reportTime(), "/reportTime", now.plus(MAX_REPORT_AHEAD), "a day", errors);
        plausible(advisory.targetTime(), "/targetTime", now.plus(MAX_AHEAD), "a year", errors);
        OffsetDateTime validUntil = advisory.validUntil();
        if (validUntil == null) {
            return;
        }
        if (plausible(validUntil, "/validUntil", now.plus(MAX_AHEAD), "a year", errors)
                && advisory.type() != MessageType.CANCEL && !validUntil.toInstant().isAfter(now)) {
            // a Cancel may carry the lifted document's end of validity: it only ends the document sooner
            errors.add("/validUntil", "is already past (now " + Timestamps.rfc3339(now.atOffset(validUntil.getOffset()))
                    + "), got " + Timestamps.rfc3339(validUntil));
        }
    }

    private static boolean plausible(OffsetDateTime time, String pointer, Instant latest, String ahead,
                                     FieldErrors errors) {
        if (time == null) {
            return false;
        }
        if (time.toInstant().isBefore(EARLIEST)) {
            errors.add(pointer, "must not be before 2000, got " + Timestamps.rfc3339(time));
            return false;
        }
        if (time.toInstant().isAfter(latest)) {
            errors.add(pointer, "must not be more than " + ahead + " ahead of now (at the latest "
                    + Timestamps.rfc3339(latest.atOffset(time.getOffset())) + "), got " + Timestamps.rfc3339(time));
            return false;
        }
        return true;
    }
}
