package jp.bousai.relay.core.validation;

import java.util.List;
import jp.bousai.relay.core.area.JisCode;

/** The target areas of an advisory, to check that the places inside its body lie within them. */
record TargetAreas(List<JisCode> codes) {

    boolean contain(JisCode code) {
        return codes.stream().anyMatch(target -> target != null && target.covers(code));
    }
}
