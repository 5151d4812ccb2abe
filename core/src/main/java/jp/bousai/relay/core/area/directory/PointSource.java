package jp.bousai.relay.core.area.directory;

/** Where a town's representative point comes from (how far to trust it). */
public enum PointSource {
    /** ABR's own representative point. */
    ABR,
    /** MLIT 位置参照情報 via Geolonia, joined by name. */
    MLIT,
    /** The mean of the points of the 大字's other towns: typically within 1 km, at worst ~11 km off. */
    APPROX;

    static PointSource ofCode(char code) {
        return switch (code) {
            case 'a' -> ABR;
            case 'm' -> MLIT;
            case 'x' -> APPROX;
            default -> throw new IllegalArgumentException("unknown point source '" + code + "'");
        };
    }
}
