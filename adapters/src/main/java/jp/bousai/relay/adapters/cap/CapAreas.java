package jp.bousai.relay.adapters.cap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bousai.relay.adapters.xml.GeoText;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * CAP areas as target municipalities and sub-areas. A geocode {@value #JIS} carries a JIS X 0402
 * code, six digits or five without the check digit; a geocode {@value #SUB_AREA} carries a
 * 12-digit 大字・町丁目 code; a geocode {@value #WITHIN} names a municipality the area lies somewhere
 * in. An area with a polygon, a circle, a sub-area code or no JIS code is a sub-area named by its
 * {@code areaDesc}; an area with only a JIS code stands for that whole area.
 */
final class CapAreas {

    static final String JIS = "JISX0402";
    static final String SUB_AREA = "subAreaCode";
    /** A JIS X 0402 code of a municipality that an area lies somewhere in (a coarse location, not the area). */
    static final String WITHIN = "withinJISX0402";

    private CapAreas() {
    }

    /** Every JIS code in the infos' areas, in order, each once, named by its area's description. */
    static List<TargetArea> targets(List<CapAlert.Info> infos, FieldErrors errors) {
        Map<JisCode, String> targets = new LinkedHashMap<>();
        for (CapAlert.Info info : infos) {
            for (CapAlert.Area area : info.areas()) {
                JisCode code = jisCode(area, errors);
                if (code != null) {
                    boolean named = !isSubArea(area) && !code.value().equals(area.areaDesc());
                    targets.putIfAbsent(code, named ? area.areaDesc() : null);
                }
            }
        }
        List<TargetArea> areas = new ArrayList<>();
        targets.forEach((code, name) -> areas.add(new TargetArea(code, name)));
        return areas;
    }

    /** The info's areas that are sub-areas. */
    static List<SubArea> subAreas(CapAlert.Info info, FieldErrors errors) {
        List<SubArea> subAreas = new ArrayList<>();
        for (CapAlert.Area area : info.areas()) {
            if (isSubArea(area)) {
                subAreas.add(new SubArea(area.areaDesc(), geocode(area, SUB_AREA), jisCode(area, errors),
                        geometry(area)));
            }
        }
        return subAreas;
    }

    /** A part of a municipality: it has a geometry or a sub-area code, or no JIS code to name a whole area. */
    private static boolean isSubArea(CapAlert.Area area) {
        return !area.polygons().isEmpty() || !area.circles().isEmpty() || geocode(area, SUB_AREA) != null
                || geocode(area, JIS) == null;
    }

    private static JisCode jisCode(CapAlert.Area area, FieldErrors errors) {
        String value = geocode(area, JIS);
        if (value == null) {
            return null;
        }
        String path = area.path() + "/geocode";
        if (value.matches("\\d{5}")) {
            return JisCode.fromFiveDigits(value);
        }
        String problem = JisCode.problemWith(value);
        if (problem != null) {
            errors.add(path, "geocode " + JIS + ": " + problem + " (five digits without the check digit are also accepted)");
            return null;
        }
        return JisCode.parse(value);
    }

    private static String geocode(CapAlert.Area area, String name) {
        return area.geocodes().stream().filter(g -> name.equals(g.name())).map(CapAlert.NameValue::value)
                .findFirst().orElse(null);
    }

    /** The first polygon, else the first circle, else null (the rules have checked their syntax). */
    private static Geometry geometry(CapAlert.Area area) {
        FieldErrors checked = new FieldErrors();
        if (!area.polygons().isEmpty()) {
            return GeoText.polygon(area.polygons().get(0), area.path(), checked);
        }
        if (!area.circles().isEmpty()) {
            return GeoText.circle(area.circles().get(0), area.path(), checked);
        }
        return null;
    }
}
