package jp.bousai.relay.core.advisory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How times are written in every JSON and Atom output (advisories, lists, records on the streams,
 * deliveries, webhooks, feeds): RFC 3339 with whole seconds and a numeric offset, never {@code Z},
 * e.g. {@code 2026-09-01T10:00:00+09:00}. An advisory's own times keep the sender's offset; times
 * the server sets (when a version was received, delivered, ...) are UTC, written {@code +00:00}.
 * CAP keeps its own rule (seconds, explicit offset, UTC as {@code -00:00}).
 */
public final class Timestamps {

    /** The one pattern every output time matches. */
    public static final String PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$";

    /** {@code xxx} writes {@code +00:00} for UTC where {@code XXX} would write {@code Z}. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private Timestamps() {
    }

    /** E.g. {@code 2026-09-01T10:00:00+09:00}: seconds always written, fractions dropped, the time's own offset. */
    public static String rfc3339(OffsetDateTime time) {
        return FORMAT.format(time);
    }

    /** A server time in UTC, e.g. {@code 2026-09-01T01:00:00+00:00}; fractions of a second are dropped. */
    public static String utc(Instant time) {
        return FORMAT.format(time.atOffset(ZoneOffset.UTC));
    }

    /** The time as outputs carry it: whole seconds (an input's fraction of a second is dropped when read). */
    public static OffsetDateTime toSeconds(OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
    }
}
