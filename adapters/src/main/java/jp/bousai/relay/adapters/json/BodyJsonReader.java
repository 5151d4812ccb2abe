package jp.bousai.relay.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import jp.bousai.relay.core.advisory.AdvisoryBody;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.DamageBody;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.EventBody;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.advisory.HeadquartersBody;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.ShelterBody;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.validation.FieldErrors;

/** Reads the category-specific bodies of the JSON representation. */
final class BodyJsonReader {

    private BodyJsonReader() {
    }

    /** The body of {@code category} from its field of {@code advisory}, or null when absent. */
    static AdvisoryBody read(Category category, JsonObjectReader advisory) {
        String field = category.bodyField();
        if (!advisory.has(field)) {
            advisory.object(field);
            return null;
        }
        FieldErrors errors = advisory.errors();
        switch (category) {
            case EVACUATION_ORDER: {
                JsonObjectReader r = advisory.object(field);
                var body = new EvacuationBody(r.array("details", (node, at) -> detail(node, at, errors)));
                r.finish();
                return body;
            }
            case SHELTER:
                return new ShelterBody(advisory.array(field, (node, at) -> shelter(node, at, errors)));
            case ANTIDISASTER_HEADQUARTER: {
                JsonObjectReader r = advisory.object(field);
                var body = new HeadquartersBody(r.oneOf("kind", HeadquartersBody.Kind.class),
                        r.oneOf("status", HeadquartersBody.Status.class), r.time("time"));
                r.finish();
                return body;
            }
            case DAMAGE_INFORMATION:
                return new DamageBody(advisory.array(field, (node, at) -> damageItem(node, at, errors)));
            case GENERAL_INFORMATION: {
                JsonObjectReader r = advisory.object(field);
                var body = new NoticeBody(r.text("url"));
                r.finish();
                return body;
            }
            case EVENT: {
                JsonObjectReader r = advisory.object(field);
                var body = new EventBody(r.text("name"), r.text("description"), r.text("url"));
                r.finish();
                return body;
            }
            default:
                throw new IllegalStateException("no reader for " + category);
        }
    }

    private static EvacuationBody.Detail detail(JsonNode node, String at, FieldErrors errors) {
        JsonObjectReader r = JsonObjectReader.of(node, at, errors);
        Integer number = r.integer("level");
        String label = r.text("label");
        String sourceLabel = r.text("sourceLabel");
        EvacuationLevel level = level(number, label, sourceLabel, r);
        String legacy = EvacuationLevel.isLegacyLabel(sourceLabel) ? sourceLabel
                : EvacuationLevel.isLegacyLabel(label) ? label : null;
        var detail = new EvacuationBody.Detail(level, legacy, r.oneOf("status", IssueStatus.class), r.time("time"),
                r.integer("households"), r.integer("people"),
                r.array("subAreas", (item, itemAt) -> subArea(item, itemAt, errors)));
        r.finish();
        return detail;
    }

    /** The level from its number and/or labels, which must agree; an error when they don't. */
    private static EvacuationLevel level(Integer number, String label, String sourceLabel, JsonObjectReader r) {
        EvacuationLevel level = null;
        if (number != null) {
            level = EvacuationLevel.ofNumber(number).orElse(null);
            if (level == null) {
                r.errors().add(r.pointerOf("level"), "must be 3, 4 or 5 (警戒レベル), got " + number);
            }
        }
        for (String field : List.of("label", "sourceLabel")) {
            String text = field.equals("label") ? label : sourceLabel;
            if (text == null) {
                continue;
            }
            EvacuationLevel labelled = EvacuationLevel.ofLabel(text).orElse(null);
            if (labelled == null) {
                r.errors().add(r.pointerOf(field), "unknown level label '" + text
                        + "'; use 高齢者等避難, 避難指示 or 緊急安全確保 (legacy labels such as 避難勧告 are mapped)");
            } else if (level != null && labelled != level) {
                r.errors().add(r.pointerOf(field), "label '" + text + "' is level " + labelled.number()
                        + ", but the detail says level " + level.number());
            } else if (number == null) {
                level = labelled;
            }
        }
        if (number == null && label == null && sourceLabel == null) {
            r.errors().add(r.pointerOf("level"), "required (3, 4 or 5), or give a label");
        }
        return level;
    }

    private static SubArea subArea(JsonNode node, String at, FieldErrors errors) {
        JsonObjectReader r = JsonObjectReader.of(node, at, errors);
        Geometry geometry = null;
        if (r.has("circle") && r.has("polygon")) {
            errors.add(at, "give either circle or polygon, not both");
        }
        JsonObjectReader circle = r.object("circle");
        if (circle != null) {
            geometry = new Geometry.Circle(latLon(circle), orZero(circle.number("radiusKm")));
            circle.finish();
        }
        List<Geometry.LatLon> polygon = r.array("polygon", (point, pointAt) -> point(point, pointAt, errors));
        if (!polygon.isEmpty() && geometry == null) {
            geometry = new Geometry.Polygon(polygon);
        }
        SubArea subArea = new SubArea(r.text("name"), r.text("code"), r.jisCode("municipality"), geometry);
        r.finish();
        return subArea;
    }

    private static Geometry.LatLon point(JsonNode node, String at, FieldErrors errors) {
        if (node.isArray() && node.size() == 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
            return new Geometry.LatLon(node.get(0).doubleValue(), node.get(1).doubleValue());
        }
        errors.add(at, "a point is [latitude, longitude]");
        return new Geometry.LatLon(Double.NaN, Double.NaN);
    }

    private static Geometry.LatLon latLon(JsonObjectReader r) {
        Double lat = r.number("lat");
        Double lon = r.number("lon");
        if (lat == null && !r.errors().has(r.pointerOf("lat"))) {
            r.errors().add(r.pointerOf("lat"), "required");
        }
        if (lon == null && !r.errors().has(r.pointerOf("lon"))) {
            r.errors().add(r.pointerOf("lon"), "required");
        }
        return new Geometry.LatLon(orZero(lat), orZero(lon));
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static ShelterBody.Shelter shelter(JsonNode node, String at, FieldErrors errors) {
        JsonObjectReader r = JsonObjectReader.of(node, at, errors);
        JsonObjectReader location = r.object("location");
        Geometry.LatLon point = null;
        if (location != null) {
            point = latLon(location);
            location.finish();
        }
        var shelter = new ShelterBody.Shelter(r.text("name"), r.text("address"), r.text("kind"),
                r.oneOf("status", ShelterBody.Status.class), r.oneOf("crowding", ShelterBody.Crowding.class),
                r.integer("capacity"), r.integer("headCount"), r.integer("households"),
                r.jisCode("municipality"), point);
        r.finish();
        return shelter;
    }

    private static DamageBody.Item damageItem(JsonNode node, String at, FieldErrors errors) {
        JsonObjectReader r = JsonObjectReader.of(node, at, errors);
        Long count = r.longInteger("count");
        if (!r.has("count")) {
            errors.add(at + "/count", "required");
        }
        var item = new DamageBody.Item(r.oneOf("group", DamageBody.Group.class), r.text("item"),
                count == null ? 0 : count, r.text("unit"));
        r.finish();
        return item;
    }
}
