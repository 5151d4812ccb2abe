package jp.bousai.relay.adapters.commons;

import jp.bousai.relay.adapters.xml.DomElements;
import static jp.bousai.relay.adapters.xml.DomElements.child;
import static jp.bousai.relay.adapters.xml.DomElements.children;
import static jp.bousai.relay.adapters.xml.DomElements.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.bousai.relay.adapters.xml.GeoText;
import jp.bousai.relay.core.advisory.AdvisoryBody;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.DamageBody;
import jp.bousai.relay.core.advisory.EventBody;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.advisory.HeadquartersBody;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.ShelterBody;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.validation.FieldErrors;
import org.w3c.dom.Element;

/**
 * Reads the PCXML bodies. Elements are matched by local name within the PCXML and Commons
 * namespace families (and EDXL-DE for {@code circle} and {@code polygon}), whatever their prefixes.
 */
final class CommonsBodies {

    static final String BODY = CommonsMapper.CONTENT + "/xmlContent/embeddedXMLContent/Report/";
    private static final Predicate<String> ANY = CommonsNs::isCommons;
    private static final Pattern COMMA_CIRCLE = Pattern.compile("[^,\\s]+,[^,\\s]+,[^,\\s]+");
    private static final Predicate<String> GEO = ns -> CommonsNs.isCommons(ns) || CommonsNs.EDXL.equals(ns);
    private static final Map<String, ShelterBody.Status> SHELTER_STATUS = Map.of("未開設", ShelterBody.Status.NOT_OPENED,
            "開設", ShelterBody.Status.OPEN, "閉鎖", ShelterBody.Status.CLOSED, "常設", ShelterBody.Status.PERMANENT,
            "不明", ShelterBody.Status.UNKNOWN);
    private static final Map<String, ShelterBody.Crowding> CROWDING = Map.of("空き", ShelterBody.Crowding.VACANT,
            "混雑", ShelterBody.Crowding.CROWDED, "定員一杯", ShelterBody.Crowding.FULL, "不明", ShelterBody.Crowding.UNKNOWN);
    static final Map<String, DamageBody.Group> DAMAGE_GROUPS = Map.of("人的被害", DamageBody.Group.CASUALTIES,
            "住家被害", DamageBody.Group.HOUSES, "建物被害", DamageBody.Group.BUILDINGS, "火災", DamageBody.Group.FIRES,
            "その他", DamageBody.Group.OTHER);

    private CommonsBodies() {
    }

    /** The body of {@code category}, or null (with an error) when the Report holds another or none. */
    static AdvisoryBody read(Category category, Element body, FieldErrors errors) {
        if (body == null || !category.wireName().equals(body.getLocalName())) {
            errors.add(BODY + category.wireName(), "the category is " + category.wireName() + " but the Report's body is "
                    + (body == null ? "missing" : body.getLocalName()));
            return null;
        }
        String at = BODY + category.wireName();
        switch (category) {
            case EVACUATION_ORDER:
                return CommonsEvacuation.read(body, at, errors);
            case SHELTER:
                return shelters(body, at, errors);
            case ANTIDISASTER_HEADQUARTER:
                return headquarters(body, at, errors);
            case DAMAGE_INFORMATION:
                return damage(body, at, errors);
            case GENERAL_INFORMATION:
                return new NoticeBody(text(body, "URL", ANY));
            case EVENT:
                return new EventBody(CommonsMapper.first(text(body, "Name", ANY), text(body, "Title", ANY)),
                        CommonsMapper.first(text(body, "Description", ANY), text(body, "Text", ANY)), text(body, "URL", ANY));
            default:
                throw new IllegalStateException("no reader for " + category);
        }
    }

    static String disaster(Element body) {
        return text(child(body, "Disaster", ANY), "DisasterName", ANY);
    }

    private static ShelterBody shelters(Element body, String at, FieldErrors errors) {
        Element container = child(body, "Informations", ANY);
        List<Element> informations = children(container != null ? container : body, "Information", ANY);
        List<ShelterBody.Shelter> shelters = new ArrayList<>();
        for (int i = 0; i < informations.size(); i++) {
            Element information = informations.get(i);
            String path = at + "/Informations/Information" + (i == 0 ? "" : "[" + (i + 1) + "]");
            Element location = child(information, "Location", ANY);
            String sort = text(information, "Sort", ANY);
            String crowding = text(information, "Status", ANY);
            if (sort != null && !SHELTER_STATUS.containsKey(sort)) {
                errors.add(path + "/Sort", "must be one of " + SHELTER_STATUS.keySet() + ", got '" + sort + "'");
            }
            if (crowding != null && !CROWDING.containsKey(crowding)) {
                errors.add(path + "/Status", "must be one of " + CROWDING.keySet() + ", got '" + crowding + "'");
            }
            NumberOf numberOf = NumberOf.of(child(information, "NumberOf", ANY), path + "/NumberOf", errors);
            Geometry geometry = geometry(location, path + "/Location", errors);
            shelters.add(new ShelterBody.Shelter(text(location, "areaName", ANY), text(location, "Address", ANY),
                    text(information, "Type", ANY), sort == null ? null : SHELTER_STATUS.get(sort),
                    crowding == null ? null : CROWDING.get(crowding),
                    NumberOf.count(text(information, "Capacity", ANY), path + "/Capacity", errors),
                    numberOf.headCount(), numberOf.households(),
                    jisCode(text(location, "jisX0402", ANY), path + "/Location/jisX0402", errors),
                    geometry instanceof Geometry.Circle circle ? circle.centre() : null));
        }
        return new ShelterBody(shelters);
    }

    private static HeadquartersBody headquarters(Element body, String at, FieldErrors errors) {
        String type = text(body, "Type", ANY);
        String status = CommonsMapper.first(text(body, "Status", ANY), text(body, "Sort", ANY));
        HeadquartersBody.Kind kind = type == null ? null : type.contains("対策") ? HeadquartersBody.Kind.RESPONSE
                : type.contains("警戒") ? HeadquartersBody.Kind.WARNING : null;
        if (type != null && kind == null) {
            errors.add(at + "/Type", "must name a 災害対策本部 or a 災害警戒本部, got '" + type + "'");
        }
        HeadquartersBody.Status state = "設置".equals(status) ? HeadquartersBody.Status.ESTABLISHED
                : "解散".equals(status) ? HeadquartersBody.Status.DISSOLVED : null;
        if (status != null && state == null) {
            errors.add(at + "/Status", "must be 設置 or 解散, got '" + status + "'");
        }
        return new HeadquartersBody(kind, state, CommonsTimes.parse(text(body, "DateTime", ANY), at + "/DateTime", errors));
    }

    private static DamageBody damage(Element body, String at, FieldErrors errors) {
        List<DamageBody.Item> items = new ArrayList<>();
        List<Element> details = children(body, "Detail", ANY);
        for (int i = 0; i < details.size(); i++) {
            Element detail = details.get(i);
            String path = at + "/Detail" + (i == 0 ? "" : "[" + (i + 1) + "]");
            String kind = text(detail, "Kind", ANY);
            if (kind != null && !DAMAGE_GROUPS.containsKey(kind)) {
                errors.add(path + "/Kind", "must be one of " + DAMAGE_GROUPS.keySet() + ", got '" + kind + "'");
            }
            Integer count = NumberOf.count(text(detail, "Count", ANY), path + "/Count", errors);
            Element countElement = child(detail, "Count", ANY);
            String unit = countElement == null ? null : countElement.getAttribute("unit");
            items.add(new DamageBody.Item(kind == null ? null : DAMAGE_GROUPS.get(kind), text(detail, "Item", ANY),
                    count == null ? 0 : count, unit == null || unit.isEmpty() ? text(detail, "Unit", ANY) : unit));
        }
        return new DamageBody(items);
    }

    /** A {@code Location}'s circle or polygon (EDXL-DE text forms), or null. */
    static Geometry geometry(Element location, String path, FieldErrors errors) {
        String polygon = text(location, "polygon", GEO);
        if (polygon != null) {
            return GeoText.polygon(polygon, path + "/polygon", errors);
        }
        String circle = text(location, "circle", GEO);
        return circle == null ? null : circle(circle, path + "/circle", errors);
    }

    /**
     * A circle as L-Alert writes it, {@code lat,lon,radius} (e.g. {@code 35.691634,139.756685,0}),
     * or in the EDXL-DE form {@code lat,lon radius}; radius in km. An empty element never gets here
     * (it is absent).
     */
    static Geometry.Circle circle(String text, String path, FieldErrors errors) {
        String stripped = text.strip();
        String edxl = COMMA_CIRCLE.matcher(stripped).matches()
                ? stripped.substring(0, stripped.lastIndexOf(',')) + " " + stripped.substring(stripped.lastIndexOf(',') + 1)
                : stripped;
        Geometry.Circle circle = GeoText.circle(edxl, path, new FieldErrors());
        if (circle == null) {
            errors.add(path, "a circle is 'lat,lon,radius' (as L-Alert writes it) or 'lat,lon radius' (EDXL-DE), "
                    + "latitude -90..90, longitude -180..180, radius in km not negative; got '" + text + "'");
        }
        return circle;
    }

    static SubArea subArea(Element location, String path, FieldErrors errors) {
        return new SubArea(text(location, "areaName", ANY), text(location, "ooAzaTyouTyouMokuCode", ANY),
                jisCode(text(location, "jisX0402", ANY), path + "/jisX0402", errors), geometry(location, path, errors));
    }

    /** A JIS X 0402 code of six digits, or five without the check digit; null when absent. */
    static JisCode jisCode(String text, String path, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        if (text.matches("\\d{5}")) {
            return JisCode.fromFiveDigits(text);
        }
        String problem = JisCode.problemWith(text);
        if (problem != null) {
            errors.add(path, problem + " (five digits without the check digit are also accepted)");
            return null;
        }
        return JisCode.parse(text);
    }
}
