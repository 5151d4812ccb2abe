package jp.bousai.relay.core.advisory;

import jp.bousai.relay.core.area.JisCode;

/**
 * A part of a municipality (大字・町丁目): its name and, optionally, its 12-digit code, the
 * municipality it lies in (when the advisory targets several) and its geometry.
 */
public record SubArea(String name, String code, JisCode municipality, Geometry geometry) {
}
