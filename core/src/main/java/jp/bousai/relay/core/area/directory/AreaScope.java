package jp.bousai.relay.core.area.directory;

import jp.bousai.relay.core.area.JisCode;

/** Which entries a search or nearest-town query in a given scope looks at. */
final class AreaScope {

    private AreaScope() {
    }

    /**
     * Whether {@code municipality} lies in {@code scope}: everywhere ({@code null}), a prefecture,
     * a municipality or ward itself, or a 政令市 with its wards.
     */
    static boolean contains(JisCode scope, Municipality municipality) {
        if (scope == null) {
            return true;
        }
        return scope.isPrefecture() ? scope.covers(municipality.code())
                : scope.equals(municipality.code()) || scope.equals(municipality.parent());
    }
}
