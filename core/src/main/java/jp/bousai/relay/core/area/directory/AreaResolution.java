package jp.bousai.relay.core.area.directory;

/** What an area code names: a municipality, a town of one, or nothing this directory knows. */
public sealed interface AreaResolution {

    /** A prefecture or municipality code found in the directory. */
    record OfMunicipality(Municipality municipality) implements AreaResolution {
    }

    /** A town code found in the directory. */
    record OfTown(Town town) implements AreaResolution {
    }

    /** A well-formed code that the directory does not hold (the reason names what is missing). */
    record Unknown(String code, String reason) implements AreaResolution {
    }

    /** Not a code in any accepted form (the reason says which forms are accepted). */
    record Malformed(String code, String reason) implements AreaResolution {
    }
}
