package jp.bousai.relay.adapters.mqtt;

import java.util.Locale;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.area.JisCode;

/**
 * The topic tree: {@code PREFIX/{mode}/{pref}/{area}/{category}}, e.g.
 * {@code bousai/v1/actual/13/131016/EvacuationOrder}. {@code mode} is lower case, {@code pref}
 * the two-digit prefecture number, {@code area} the JIS X 0402 code of a municipality or, for a
 * prefecture-wide advisory, of the prefecture ({@code 130001}). Subscribers filter with
 * wildcards: {@code bousai/v1/actual/13/#} is everything real in Tokyo,
 * {@code bousai/v1/+/+/131016/EvacuationOrder} every evacuation order for 千代田区 in any mode.
 */
public final class MqttTopics {

    public static final String DEFAULT_PREFIX = "bousai/v1";

    private MqttTopics() {
    }

    public static String topic(String prefix, Mode mode, JisCode area, Category category) {
        return prefix + "/" + mode.wireName().toLowerCase(Locale.ROOT) + "/" + area.prefectureNumber() + "/"
                + area.value() + "/" + category.wireName();
    }
}
