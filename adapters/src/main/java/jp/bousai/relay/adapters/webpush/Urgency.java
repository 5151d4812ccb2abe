package jp.bousai.relay.adapters.webpush;

import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Mode;

/**
 * The RFC 8030 {@code Urgency} of a push: a phone saving battery delivers {@code high} at once
 * and holds the lower ones back. Only what asks a person to act now is high:
 * <ul>
 *   <li>evacuation level 4 or 5 issued: {@code high};</li>
 *   <li>level 3 issued, shelters, a cancelled (mistaken) send: {@code normal};</li>
 *   <li>every level lifted, notices, headquarters, damage and events: {@code low};</li>
 *   <li>a drill or test is never above {@code normal}: it must not wake a phone as a real order would.</li>
 * </ul>
 */
public enum Urgency {
    VERY_LOW("very-low"),
    LOW("low"),
    NORMAL("normal"),
    HIGH("high");

    private final String headerValue;

    Urgency(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }

    public static Urgency of(Advisory advisory) {
        Urgency urgency = ofContent(advisory);
        if (advisory.mode() != Mode.ACTUAL && urgency == HIGH) {
            return NORMAL;
        }
        return urgency;
    }

    private static Urgency ofContent(Advisory advisory) {
        if (advisory.type() == MessageType.CANCEL) {
            return NORMAL;
        }
        if (advisory.category() == Category.SHELTER) {
            return NORMAL;
        }
        if (advisory.body() instanceof EvacuationBody evacuation) {
            EvacuationLevel level = evacuation.highestIssuedLevel();
            if (level == null) {
                return LOW;
            }
            return level.number() >= EvacuationLevel.LEVEL_4.number() ? HIGH : NORMAL;
        }
        return LOW;
    }
}
