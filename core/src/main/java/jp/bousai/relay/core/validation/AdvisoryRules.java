package jp.bousai.relay.core.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.AdvisoryBody;
import jp.bousai.relay.core.advisory.DamageBody;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EventBody;
import jp.bousai.relay.core.advisory.HeadquartersBody;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.ShelterBody;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.advisory.Timestamps;
import jp.bousai.relay.core.area.JisCode;

/**
 * The rules every advisory must meet, whatever format it came in. Pointers name fields of the
 * JSON representation. Null fields are reported as required; the checks between fields run
 * only where both are present, so a decoder's own errors combine with these.
 */
public final class AdvisoryRules {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_AREAS = 200;
    public static final int MAX_HEADLINE_LENGTH = 1_000;
    public static final int MAX_TEXT_LENGTH = 20_000;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_URL_LENGTH = 2_000;

    /** Identifiers: no whitespace, and none of the characters CAP reserves (comma, {@code <}, {@code &}). */
    private static final Pattern IDENTIFIER = Pattern.compile("[^\\s,<&\\p{Cntrl}]+");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");

    private AdvisoryRules() {
    }

    /**
     * Adds every rule the advisory breaks, those that depend on the time of receipt
     * ({@link TimeRules}) included, to {@code errors}.
     */
    public static void check(Advisory advisory, java.time.Instant now, FieldErrors errors) {
        check(advisory, errors);
        TimeRules.check(advisory, now, errors);
    }

    /** Adds every rule the advisory breaks, apart from the {@link TimeRules}, to {@code errors}. */
    public static void check(Advisory advisory, FieldErrors errors) {
        identifier(advisory.distributionId(), "/distributionId", errors);
        identifier(advisory.documentId(), "/documentId", errors);
        if (advisory.revision() < 1) {
            errors.add("/revision", "must be 1 or more, got " + advisory.revision());
        }
        required(advisory.type(), "/type", errors);
        required(advisory.mode(), "/mode", errors);
        required(advisory.category(), "/category", errors);
        if (advisory.sender() == null || advisory.sender().code() == null) {
            errors.add("/sender/code", "required");
        }
        areas(advisory.areas(), errors);
        times(advisory, errors);
        text(advisory.headline() == null ? null : advisory.headline().ja(), "/headline/ja", true,
                MAX_HEADLINE_LENGTH, errors);
        if (advisory.headline() != null) {
            text(advisory.headline().en(), "/headline/en", false, MAX_HEADLINE_LENGTH, errors);
        }
        if (advisory.text() != null) {
            text(advisory.text().ja(), "/text/ja", true, MAX_TEXT_LENGTH, errors);
            text(advisory.text().en(), "/text/en", false, MAX_TEXT_LENGTH, errors);
        }
        text(advisory.disaster(), "/disaster", false, MAX_NAME_LENGTH, errors);
        body(advisory, errors);
    }

    private static void areas(List<TargetArea> areas, FieldErrors errors) {
        if (areas.isEmpty()) {
            errors.add("/areas", "at least one target area is required");
            return;
        }
        if (areas.size() > MAX_AREAS) {
            errors.add("/areas", "at most " + MAX_AREAS + " target areas, got " + areas.size());
        }
        Set<JisCode> seen = new HashSet<>();
        for (int i = 0; i < areas.size(); i++) {
            JisCode code = areas.get(i).code();
            if (code == null) {
                errors.add("/areas/" + i + "/code", "required");
            } else if (!seen.add(code)) {
                errors.add("/areas/" + i + "/code", "area " + code + " is listed twice");
            }
        }
    }

    private static void times(Advisory advisory, FieldErrors errors) {
        required(advisory.reportTime(), "/reportTime", errors);
        if (advisory.validUntil() != null && advisory.reportTime() != null
                && !advisory.validUntil().isAfter(advisory.reportTime())) {
            errors.add("/validUntil", "must be after reportTime (" + Timestamps.rfc3339(advisory.reportTime())
                    + "), got " + Timestamps.rfc3339(advisory.validUntil()));
        }
        if (advisory.validUntil() != null && advisory.targetTime() != null
                && !advisory.validUntil().isAfter(advisory.targetTime())) {
            errors.add("/validUntil", "must be after targetTime (" + Timestamps.rfc3339(advisory.targetTime())
                    + "), got " + Timestamps.rfc3339(advisory.validUntil()));
        }
    }

    private static void body(Advisory advisory, FieldErrors errors) {
        if (advisory.category() == null) {
            return;
        }
        String field = "/" + advisory.category().bodyField();
        AdvisoryBody body = advisory.body();
        if (body == null) {
            if (advisory.type() != MessageType.CANCEL) {
                errors.add(field, "required for category " + advisory.category().wireName()
                        + " (only a Cancel may leave it out)");
            }
            return;
        }
        if (!advisory.category().bodyType().isInstance(body)) {
            errors.add(field, "category " + advisory.category().wireName() + " cannot carry a "
                    + body.getClass().getSimpleName());
            return;
        }
        var areas = new TargetAreas(advisory.areaCodes());
        if (body instanceof EvacuationBody evacuation) {
            BodyRules.evacuation(evacuation, field, areas, errors);
        } else if (body instanceof ShelterBody shelters) {
            BodyRules.shelters(shelters, field, areas, errors);
        } else if (body instanceof HeadquartersBody headquarters) {
            required(headquarters.kind(), field + "/kind", errors);
            required(headquarters.status(), field + "/status", errors);
        } else if (body instanceof DamageBody damage) {
            BodyRules.damage(damage, field, errors);
        } else if (body instanceof NoticeBody notice) {
            url(notice.url(), field + "/url", errors);
        } else if (body instanceof EventBody event) {
            text(event.name(), field + "/name", true, MAX_NAME_LENGTH, errors);
            text(event.description(), field + "/description", false, MAX_TEXT_LENGTH, errors);
            url(event.url(), field + "/url", errors);
        }
    }

    static void identifier(String value, String pointer, FieldErrors errors) {
        if (value == null || value.isEmpty()) {
            errors.add(pointer, "required");
        } else if (value.length() > MAX_ID_LENGTH) {
            errors.add(pointer, "at most " + MAX_ID_LENGTH + " characters, got " + value.length());
        } else if (!IDENTIFIER.matcher(value).matches()) {
            errors.add(pointer, "must not contain spaces, control characters, ',', '<' or '&'");
        }
    }

    static void required(Object value, String pointer, FieldErrors errors) {
        if (value == null) {
            errors.add(pointer, "required");
        }
    }

    static void text(String value, String pointer, boolean required, int maxLength, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(pointer, "required and must not be blank");
            }
        } else if (value.length() > maxLength) {
            errors.add(pointer, "at most " + maxLength + " characters, got " + value.length());
        }
    }

    static void url(String value, String pointer, FieldErrors errors) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_URL_LENGTH || !URL.matcher(value).matches()) {
            errors.add(pointer, "must be an http or https URL of at most " + MAX_URL_LENGTH + " characters");
        }
    }

    static void count(Number value, String pointer, FieldErrors errors) {
        if (value != null && value.longValue() < 0) {
            errors.add(pointer, "must not be negative, got " + value);
        }
    }
}
