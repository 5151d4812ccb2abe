package jp.bousai.relay.core.area.directory;

import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.area.Prefectures;

/**
 * A prefecture, municipality or ward of a 政令市, as the directory knows it.
 *
 * @param name   the name without 郡 (泊村), or the prefecture's name
 * @param kana   katakana reading (トマリムラ)
 * @param county the 郡 (古宇郡), or {@code null}
 * @param parent the 政令市 of a ward, or {@code null}
 * @param office the representative point (prefectural office / town hall / ward office)
 */
public record Municipality(JisCode code, MunicipalityKind kind, String name, String kana, String county,
                           JisCode parent, GeoPoint office) {

    public String prefectureName() {
        return Prefectures.nameOf(code);
    }

    /**
     * The name to show where several entries may look alike: prefecture, county and name
     * (北海道古宇郡泊村, 東京都千代田区; a prefecture is just its name).
     */
    public String label() {
        if (kind == MunicipalityKind.PREFECTURE) {
            return name;
        }
        return prefectureName() + (county == null ? "" : county) + name;
    }
}
