package jp.bousai.relay.adapters.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.area.JisCode;

/**
 * The topic tree: {@code PREFIX/{mode}/{pref}/{area}/{category}/{documentId}}, e.g.
 * {@code bousai/v1/actual/13/131016/EvacuationOrder/5b0c3f0e-8a51-4d6a-9c61-2f1a7e4b9d01}.
 * {@code mode} is lower case, {@code pref} the two-digit prefecture number, {@code area} the JIS X
 * 0402 code of a municipality or, for a prefecture-wide advisory, of the prefecture
 * ({@code 130001}); the last level is the document id, with {@code %}, {@code /}, {@code +} and
 * {@code #} percent-encoded. Each document has a retained topic of its own per area, so that two
 * documents in force in one area and category never hide each other. Subscribers filter with
 * wildcards: {@code bousai/v1/actual/13/#} is everything real in Tokyo,
 * {@code bousai/v1/+/+/131016/EvacuationOrder/+} every evacuation order for 千代田区 in any mode.
 */
public final class MqttTopics {

    public static final String DEFAULT_PREFIX = "bousai/v1";

    private MqttTopics() {
    }

    /** The retained topic of one document in one area. */
    public static String topic(String prefix, Mode mode, JisCode area, Category category, String documentId) {
        return prefix + "/" + mode.wireName().toLowerCase(Locale.ROOT) + "/" + area.prefectureNumber() + "/"
                + area.value() + "/" + category.wireName() + "/" + level(documentId);
    }

    /** A document id as one topic level: {@code %}, {@code /}, {@code +}, {@code #} and NUL percent-encoded. */
    static String level(String documentId) {
        StringBuilder level = new StringBuilder(documentId.length());
        for (char c : documentId.toCharArray()) {
            if (c == '%' || c == '/' || c == '+' || c == '#' || c == '\0') {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    level.append('%').append(String.format(Locale.ROOT, "%02X", b));
                }
            } else {
                level.append(c);
            }
        }
        return level.toString();
    }
}
