package jp.bousai.relay.core.advisory;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** How times are written in every output: RFC 3339 with seconds and the sender's offset. */
public final class Timestamps {

    private Timestamps() {
    }

    /** E.g. {@code 2026-09-01T10:00:00+09:00}; unlike {@code toString()}, never drops zero seconds. */
    public static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
