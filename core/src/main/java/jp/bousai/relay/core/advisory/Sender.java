package jp.bousai.relay.core.advisory;

import jp.bousai.relay.core.area.JisCode;

/**
 * The organisation that issues an advisory: its JIS X 0402 code, its name and, optionally,
 * the office within it. {@code name} and {@code office} may be null.
 */
public record Sender(JisCode code, String name, String office) {
}
