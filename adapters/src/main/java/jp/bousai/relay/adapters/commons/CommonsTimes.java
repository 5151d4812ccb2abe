package jp.bousai.relay.adapters.commons;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import jp.bousai.relay.core.advisory.Timestamps;
import jp.bousai.relay.core.validation.FieldErrors;

/** Date-times in Commons messages: xs:dateTime with an explicit offset. */
final class CommonsTimes {

    private CommonsTimes() {
    }

    /**
     * The time in {@code text} to whole seconds (as every output writes times), null when absent; an
     * error when it has no offset or does not parse.
     */
    static OffsetDateTime parse(String text, String path, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.toSeconds(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            errors.add(path, "must be a date-time with an offset, e.g. 2026-09-01T10:00:00+09:00; got '" + text + "'");
            return null;
        }
    }
}
