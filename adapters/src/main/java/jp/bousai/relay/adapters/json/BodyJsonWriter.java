package jp.bousai.relay.adapters.json;

import static jp.bousai.relay.adapters.json.AdvisoryJsonWriter.optional;
import static jp.bousai.relay.adapters.json.AdvisoryJsonWriter.time;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import jp.bousai.relay.core.advisory.AdvisoryBody;
import jp.bousai.relay.core.advisory.DamageBody;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EventBody;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.advisory.HeadquartersBody;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.ShelterBody;
import jp.bousai.relay.core.advisory.SubArea;

/** Writes the category-specific bodies of the canonical JSON representation. */
final class BodyJsonWriter {

    private BodyJsonWriter() {
    }

    static void write(JsonGenerator json, AdvisoryBody body) throws IOException {
        if (body instanceof EvacuationBody evacuation) {
            json.writeStartObject();
            json.writeArrayFieldStart("details");
            for (EvacuationBody.Detail detail : evacuation.details()) {
                detail(json, detail);
            }
            json.writeEndArray();
            json.writeEndObject();
        } else if (body instanceof ShelterBody shelters) {
            json.writeStartArray();
            for (ShelterBody.Shelter shelter : shelters.shelters()) {
                shelter(json, shelter);
            }
            json.writeEndArray();
        } else if (body instanceof HeadquartersBody headquarters) {
            json.writeStartObject();
            optional(json, "kind", headquarters.kind());
            optional(json, "status", headquarters.status());
            time(json, "time", headquarters.time());
            json.writeEndObject();
        } else if (body instanceof DamageBody damage) {
            json.writeStartArray();
            for (DamageBody.Item item : damage.items()) {
                json.writeStartObject();
                optional(json, "group", item.group());
                optional(json, "item", item.item());
                json.writeNumberField("count", item.count());
                optional(json, "unit", item.unit());
                json.writeEndObject();
            }
            json.writeEndArray();
        } else if (body instanceof NoticeBody notice) {
            json.writeStartObject();
            optional(json, "url", notice.url());
            json.writeEndObject();
        } else if (body instanceof EventBody event) {
            json.writeStartObject();
            optional(json, "name", event.name());
            optional(json, "description", event.description());
            optional(json, "url", event.url());
            json.writeEndObject();
        }
    }

    private static void detail(JsonGenerator json, EvacuationBody.Detail detail) throws IOException {
        json.writeStartObject();
        json.writeNumberField("level", detail.level().number());
        json.writeStringField("label", detail.level().label());
        optional(json, "sourceLabel", detail.sourceLabel());
        optional(json, "status", detail.status());
        time(json, "time", detail.time());
        optional(json, "households", detail.households());
        optional(json, "people", detail.people());
        json.writeArrayFieldStart("subAreas");
        for (SubArea subArea : detail.subAreas()) {
            json.writeStartObject();
            optional(json, "name", subArea.name());
            optional(json, "code", subArea.code());
            optional(json, "municipality", subArea.municipality());
            geometry(json, subArea.geometry());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void geometry(JsonGenerator json, Geometry geometry) throws IOException {
        if (geometry instanceof Geometry.Circle circle) {
            json.writeObjectFieldStart("circle");
            json.writeNumberField("lat", circle.centre().lat());
            json.writeNumberField("lon", circle.centre().lon());
            json.writeNumberField("radiusKm", circle.radiusKm());
            json.writeEndObject();
        } else if (geometry instanceof Geometry.Polygon polygon) {
            json.writeArrayFieldStart("polygon");
            for (Geometry.LatLon point : polygon.points()) {
                json.writeStartArray();
                json.writeNumber(point.lat());
                json.writeNumber(point.lon());
                json.writeEndArray();
            }
            json.writeEndArray();
        }
    }

    private static void shelter(JsonGenerator json, ShelterBody.Shelter shelter) throws IOException {
        json.writeStartObject();
        optional(json, "name", shelter.name());
        optional(json, "address", shelter.address());
        optional(json, "kind", shelter.kind());
        optional(json, "status", shelter.status());
        optional(json, "crowding", shelter.crowding());
        optional(json, "capacity", shelter.capacity());
        optional(json, "headCount", shelter.headCount());
        optional(json, "households", shelter.households());
        optional(json, "municipality", shelter.municipality());
        if (shelter.location() != null) {
            json.writeObjectFieldStart("location");
            json.writeNumberField("lat", shelter.location().lat());
            json.writeNumberField("lon", shelter.location().lon());
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
