package jp.bousai.relay.core.area.directory;

import jp.bousai.relay.core.area.JisCode;

/** Turns the code forms {@link AreaDirectory#resolve(String)} accepts into directory entries. */
final class AreaCodes {

    private static final String FORMS = "expected a JIS X 0402 code (131016), a 12-digit sub-area code"
            + " (131010039001: five digits + 7-digit town id) or a municipality code + town id (1310160039001)";

    private AreaCodes() {
    }

    static AreaResolution resolve(AreaDirectory directory, String code) {
        if (!code.matches("\\d{6}|\\d{12}|\\d{13}")) {
            return new AreaResolution.Malformed(code, FORMS + ", got '" + code + "'");
        }
        String municipalityPart = code.length() == 12 ? null : code.substring(0, 6);
        if (municipalityPart != null) {
            String problem = JisCode.problemWith(municipalityPart);
            if (problem != null) {
                return new AreaResolution.Malformed(code, problem);
            }
        } else if (Integer.parseInt(code.substring(0, 2)) < 1 || Integer.parseInt(code.substring(0, 2)) > 47) {
            return new AreaResolution.Malformed(code, "sub-area code " + code + " names no prefecture: the first"
                    + " two digits must be 01–47");
        }
        JisCode municipality = municipalityPart != null ? JisCode.parse(municipalityPart)
                : JisCode.fromFiveDigits(code.substring(0, 5));
        var entry = directory.municipality(municipality);
        if (entry.isEmpty()) {
            return new AreaResolution.Unknown(code, "no municipality " + municipality + " in the area directory");
        }
        if (code.length() == 6) {
            return new AreaResolution.OfMunicipality(entry.get());
        }
        String townId = code.substring(code.length() - 7);
        return directory.town(municipality, townId)
                .<AreaResolution>map(AreaResolution.OfTown::new)
                .orElseGet(() -> new AreaResolution.Unknown(code, "no town " + townId + " in " + municipality
                        + " " + entry.get().label() + " in the area directory"));
    }
}
