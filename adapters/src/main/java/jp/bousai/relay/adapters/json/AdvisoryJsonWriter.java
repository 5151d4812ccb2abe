package jp.bousai.relay.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.LocalizedText;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.advisory.Timestamps;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.area.JisCode;

/**
 * Writes the canonical JSON representation of an advisory: the same shape
 * {@link AdvisoryJsonReader} reads, fields in a fixed order, absent values left out. Writing
 * what was read gives back an equal advisory.
 */
public final class AdvisoryJsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AdvisoryJsonWriter() {
    }

    public static String write(Advisory advisory) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("distributionId", advisory.distributionId());
            json.writeStringField("documentId", advisory.documentId());
            json.writeNumberField("revision", advisory.revision());
            json.writeStringField("type", advisory.type().wireName());
            json.writeStringField("mode", advisory.mode().wireName());
            json.writeStringField("category", advisory.category().wireName());
            json.writeObjectFieldStart("sender");
            json.writeStringField("code", advisory.sender().code().value());
            optional(json, "name", advisory.sender().name());
            optional(json, "office", advisory.sender().office());
            json.writeEndObject();
            json.writeArrayFieldStart("areas");
            for (TargetArea area : advisory.areas()) {
                json.writeStartObject();
                json.writeStringField("code", area.code().value());
                optional(json, "name", area.name());
                json.writeEndObject();
            }
            json.writeEndArray();
            time(json, "reportTime", advisory.reportTime());
            time(json, "targetTime", advisory.targetTime());
            time(json, "validUntil", advisory.validUntil());
            optional(json, "disaster", advisory.disaster());
            text(json, "headline", advisory.headline());
            text(json, "text", advisory.text());
            if (advisory.body() != null) {
                json.writeFieldName(advisory.category().bodyField());
                BodyJsonWriter.write(json, advisory.body());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static void optional(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    static void optional(JsonGenerator json, String field, Number value) throws IOException {
        if (value != null) {
            json.writeFieldName(field);
            json.writeNumber(value.longValue());
        }
    }

    static void optional(JsonGenerator json, String field, WireNamed value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value.wireName());
        }
    }

    static void optional(JsonGenerator json, String field, JisCode value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value.value());
        }
    }

    static void time(JsonGenerator json, String field, OffsetDateTime value) throws IOException {
        if (value != null) {
            json.writeStringField(field, Timestamps.rfc3339(value));
        }
    }

    private static void text(JsonGenerator json, String field, LocalizedText text) throws IOException {
        if (text != null) {
            json.writeObjectFieldStart(field);
            optional(json, "ja", text.ja());
            optional(json, "en", text.en());
            json.writeEndObject();
        }
    }
}
