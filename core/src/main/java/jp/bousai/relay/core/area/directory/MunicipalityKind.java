package jp.bousai.relay.core.area.directory;

/** What kind of local government an entry of the directory is ({@code city} includes the 政令市). */
public enum MunicipalityKind {
    PREFECTURE, CITY, WARD, TOWN, VILLAGE, SPECIAL_WARD;

    static MunicipalityKind parse(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
