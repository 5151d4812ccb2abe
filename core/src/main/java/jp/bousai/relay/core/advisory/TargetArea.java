package jp.bousai.relay.core.advisory;

import jp.bousai.relay.core.area.JisCode;

/** A municipality (or a whole prefecture) an advisory is for; {@code name} may be null. */
public record TargetArea(JisCode code, String name) {
}
