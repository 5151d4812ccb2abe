package jp.bousai.relay.core.area.directory;

/**
 * A town (大字・町, 丁目 or 小字) of a municipality.
 *
 * @param townId ABR 町字ID, seven digits (4 大字 + 3 丁目/小字), or {@code null} for 浜松市's towns,
 *               whose ids under the 2024 wards are not in the data
 * @param kana   ABR's reading; 丁目 as {@code １チョウメ}
 * @param point  representative point, or {@code null} (about 8.7 % of towns have none)
 * @param pointSource where the point comes from, or {@code null} without a point
 */
public record Town(Municipality municipality, String townId, TownLevel level, String name, String kana,
                   GeoPoint point, PointSource pointSource) {

    /**
     * The 12-digit code advisories carry for a sub-area: the municipality's five digits without
     * check digit plus the town id ({@code 131010039001} for 外神田一丁目); {@code null} without an
     * id. It is derived, not verified against live L-Alert traffic.
     */
    public String lAlertCode() {
        return townId == null ? null : municipality.code().value().substring(0, 5) + townId;
    }

    /** The four digits of the 大字 this town belongs to, or {@code null} without an id. */
    public String oazaCode() {
        return townId == null ? null : townId.substring(0, 4);
    }
}
