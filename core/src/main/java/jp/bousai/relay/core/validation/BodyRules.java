package jp.bousai.relay.core.validation;

import java.util.List;
import jp.bousai.relay.core.advisory.DamageBody;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.advisory.ShelterBody;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.area.JisCode;

/** The rules for the larger bodies: evacuation, shelters and damage. */
final class BodyRules {

    static final int MAX_DETAILS = 50;
    static final int MAX_SUB_AREAS = 5_000;
    static final int MAX_SHELTERS = 5_000;
    static final int MAX_DAMAGE_ITEMS = 500;
    static final int MAX_POLYGON_POINTS = 10_000;

    private BodyRules() {
    }

    static void evacuation(EvacuationBody body, String field, TargetAreas areas, FieldErrors errors) {
        List<EvacuationBody.Detail> details = body.details();
        if (details.isEmpty()) {
            errors.add(field + "/details", "at least one detail (level and status) is required");
        }
        if (details.size() > MAX_DETAILS) {
            errors.add(field + "/details", "at most " + MAX_DETAILS + " details, got " + details.size());
        }
        for (int i = 0; i < details.size(); i++) {
            String at = field + "/details/" + i;
            EvacuationBody.Detail detail = details.get(i);
            AdvisoryRules.required(detail.level(), at + "/level", errors);
            AdvisoryRules.required(detail.status(), at + "/status", errors);
            AdvisoryRules.count(detail.households(), at + "/households", errors);
            AdvisoryRules.count(detail.people(), at + "/people", errors);
            List<SubArea> subAreas = detail.subAreas();
            if (subAreas.size() > MAX_SUB_AREAS) {
                errors.add(at + "/subAreas", "at most " + MAX_SUB_AREAS + " sub-areas, got " + subAreas.size());
            }
            for (int j = 0; j < subAreas.size(); j++) {
                subArea(subAreas.get(j), at + "/subAreas/" + j, areas, errors);
            }
        }
    }

    private static void subArea(SubArea subArea, String at, TargetAreas areas, FieldErrors errors) {
        AdvisoryRules.text(subArea.name(), at + "/name", true, AdvisoryRules.MAX_NAME_LENGTH, errors);
        if (subArea.code() != null && !subArea.code().matches("\\d{12}")) {
            errors.add(at + "/code", "a sub-area code has 12 digits, got '" + subArea.code() + "'");
        }
        municipality(subArea.municipality(), at + "/municipality", areas, errors);
        geometry(subArea.geometry(), at, errors);
    }

    static void shelters(ShelterBody body, String field, TargetAreas areas, FieldErrors errors) {
        List<ShelterBody.Shelter> shelters = body.shelters();
        if (shelters.isEmpty()) {
            errors.add(field, "at least one shelter is required");
        }
        if (shelters.size() > MAX_SHELTERS) {
            errors.add(field, "at most " + MAX_SHELTERS + " shelters, got " + shelters.size());
        }
        for (int i = 0; i < shelters.size(); i++) {
            String at = field + "/" + i;
            ShelterBody.Shelter shelter = shelters.get(i);
            AdvisoryRules.text(shelter.name(), at + "/name", true, AdvisoryRules.MAX_NAME_LENGTH, errors);
            AdvisoryRules.text(shelter.address(), at + "/address", false, AdvisoryRules.MAX_NAME_LENGTH, errors);
            AdvisoryRules.text(shelter.kind(), at + "/kind", false, AdvisoryRules.MAX_NAME_LENGTH, errors);
            AdvisoryRules.required(shelter.status(), at + "/status", errors);
            AdvisoryRules.count(shelter.capacity(), at + "/capacity", errors);
            AdvisoryRules.count(shelter.headCount(), at + "/headCount", errors);
            AdvisoryRules.count(shelter.households(), at + "/households", errors);
            municipality(shelter.municipality(), at + "/municipality", areas, errors);
            if (shelter.location() != null) {
                latLon(shelter.location(), at + "/location", errors);
            }
        }
    }

    static void damage(DamageBody body, String field, FieldErrors errors) {
        List<DamageBody.Item> items = body.items();
        if (items.isEmpty()) {
            errors.add(field, "at least one damage item is required");
        }
        if (items.size() > MAX_DAMAGE_ITEMS) {
            errors.add(field, "at most " + MAX_DAMAGE_ITEMS + " items, got " + items.size());
        }
        for (int i = 0; i < items.size(); i++) {
            String at = field + "/" + i;
            DamageBody.Item item = items.get(i);
            AdvisoryRules.required(item.group(), at + "/group", errors);
            AdvisoryRules.text(item.item(), at + "/item", true, AdvisoryRules.MAX_NAME_LENGTH, errors);
            AdvisoryRules.count(item.count(), at + "/count", errors);
            AdvisoryRules.text(item.unit(), at + "/unit", true, 20, errors);
        }
    }

    private static void municipality(JisCode code, String at, TargetAreas areas, FieldErrors errors) {
        if (code != null && !areas.contain(code)) {
            errors.add(at, "municipality " + code + " is not among the advisory's target areas");
        }
    }

    private static void geometry(Geometry geometry, String at, FieldErrors errors) {
        if (geometry instanceof Geometry.Circle circle) {
            latLon(circle.centre(), at + "/circle", errors);
            if (!(circle.radiusKm() >= 0) || circle.radiusKm() > 1_000) {
                errors.add(at + "/circle/radiusKm", "must be between 0 and 1000 km, got " + circle.radiusKm());
            }
        } else if (geometry instanceof Geometry.Polygon polygon) {
            List<Geometry.LatLon> points = polygon.points();
            if (points.size() < 4 || points.size() > MAX_POLYGON_POINTS) {
                errors.add(at + "/polygon", "a polygon has 4 to " + MAX_POLYGON_POINTS
                        + " points (the last repeating the first), got " + points.size());
            } else if (!points.get(0).equals(points.get(points.size() - 1))) {
                errors.add(at + "/polygon", "a polygon must close: its last point must equal its first");
            }
            for (int k = 0; k < points.size(); k++) {
                latLon(points.get(k), at + "/polygon/" + k, errors);
            }
        }
    }

    private static void latLon(Geometry.LatLon point, String at, FieldErrors errors) {
        if (!(point.lat() >= -90 && point.lat() <= 90)) {
            errors.add(at, "latitude must be between -90 and 90, got " + point.lat());
        } else if (!(point.lon() >= -180 && point.lon() <= 180)) {
            errors.add(at, "longitude must be between -180 and 180, got " + point.lon());
        }
    }
}
