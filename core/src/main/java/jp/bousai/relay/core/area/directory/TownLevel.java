package jp.bousai.relay.core.area.directory;

/** The level of a town in ABR's 町字 scheme. */
public enum TownLevel {
    /** 大字・町 (town id ends in 000). */
    OAZA,
    /** 丁目 of a 大字・町. */
    CHOME,
    /** 小字, listed only where no 大字 row covers it. */
    KOAZA;

    static TownLevel ofCode(char code) {
        return switch (code) {
            case 'o' -> OAZA;
            case 'c' -> CHOME;
            case 'k' -> KOAZA;
            default -> throw new IllegalArgumentException("unknown town level '" + code + "'");
        };
    }
}
