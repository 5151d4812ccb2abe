package jp.bousai.relay.adapters.cap;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * Evacuation details from CAP infos: one detail per info. The level comes from the parameter
 * {@value #LEVEL} (3, 4, 5 or a label), else from a level label or "警戒レベルN" in the event. The
 * status is lifted when the parameter {@value #STATUS} says {@code lifted} (or 解除) or the
 * response type is AllClear, else issued. Counts come from parameters {@value #HOUSEHOLDS} and
 * {@value #PEOPLE}; the time from the parameter {@value #TIME}, else the info's effective time,
 * else the alert's sent time.
 */
final class CapEvacuation {

    static final String LEVEL = "evacuationLevel";
    static final String STATUS = "issueOrLift";
    static final String HOUSEHOLDS = "households";
    static final String PEOPLE = "people";
    /** When this detail's level was issued or lifted, when it differs from the info's effective time. */
    static final String TIME = "time";
    private static final Pattern LEVEL_IN_TEXT = Pattern.compile("警戒レベル\\s*([345３４５])");
    private static final List<String> LABELS = List.of("避難準備・高齢者等避難開始", "高齢者等避難", "避難準備情報",
            "避難指示（緊急）", "避難指示(緊急)", "避難指示", "避難勧告", "緊急安全確保", "災害発生情報");

    private CapEvacuation() {
    }

    /** The level an info states, or null when it states none. */
    static EvacuationLevel level(CapAlert.Info info) {
        String parameter = info.parameter(LEVEL);
        if (parameter != null) {
            return parameter.matches("[345]") ? EvacuationLevel.ofNumber(Integer.parseInt(parameter)).orElse(null)
                    : EvacuationLevel.ofLabel(parameter).orElse(null);
        }
        return levelInText(info.event());
    }

    static String legacyLabel(CapAlert.Info info) {
        String parameter = info.parameter(LEVEL);
        String label = parameter != null ? parameter : labelInText(info.event());
        return EvacuationLevel.isLegacyLabel(label) ? label : null;
    }

    private static EvacuationLevel levelInText(String text) {
        if (text == null) {
            return null;
        }
        String label = labelInText(text);
        if (label != null) {
            return EvacuationLevel.ofLabel(label).orElse(null);
        }
        Matcher matcher = LEVEL_IN_TEXT.matcher(text);
        return matcher.find() ? EvacuationLevel.ofNumber(Character.getNumericValue(matcher.group(1).charAt(0)))
                .orElse(null) : null;
    }

    private static String labelInText(String text) {
        if (text == null) {
            return null;
        }
        return LABELS.stream().filter(text::contains).findFirst().orElse(null);
    }

    static EvacuationBody.Detail detail(CapAlert.Info info, OffsetDateTime defaultTime, FieldErrors errors) {
        EvacuationLevel level = level(info);
        if (level == null) {
            errors.add(info.path() + "/event", "no evacuation level: give parameter " + LEVEL
                    + " (3, 4 or 5) or an event naming the level (高齢者等避難, 避難指示, 緊急安全確保, 警戒レベル4 ...)");
        }
        String status = info.parameter(STATUS);
        boolean lifted = "lifted".equals(status) || "解除".equals(status) || info.responseTypes().contains("AllClear");
        if (status != null && !List.of("lifted", "issued", "解除", "発令").contains(status)) {
            errors.add(info.path() + "/parameter", STATUS + " must be issued or lifted (発令 or 解除), got '" + status + "'");
        }
        OffsetDateTime time = info.parameter(TIME) != null ? parseTime(info.parameter(TIME), info.path(), errors)
                : info.effective() != null ? OffsetDateTime.parse(info.effective()) : defaultTime;
        return new EvacuationBody.Detail(level, legacyLabel(info), lifted ? IssueStatus.LIFTED : IssueStatus.ISSUED,
                time, count(info, HOUSEHOLDS, errors), count(info, PEOPLE, errors), CapAreas.subAreas(info, errors));
    }

    private static OffsetDateTime parseTime(String text, String path, FieldErrors errors) {
        if (!CapRules.DATE_TIME.matcher(text).matches()) {
            errors.add(path + "/parameter", TIME + " must be a CAP date-time such as 2026-09-01T10:00:00+09:00, got '"
                    + text + "'");
            return null;
        }
        return OffsetDateTime.parse(text);
    }

    private static Integer count(CapAlert.Info info, String name, FieldErrors errors) {
        String value = info.parameter(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,9}")) {
            errors.add(info.path() + "/parameter", name + " must be a whole number, got '" + value + "'");
            return null;
        }
        return Integer.parseInt(value);
    }
}
