package jp.bousai.relay.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.AdvisoryBody;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.LocalizedText;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.Sender;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * Reads the JSON representation of an advisory (documented in {@code docs/json.md}). Parsing is
 * strict: duplicate keys, trailing content, deep nesting and invalid UTF-8 are malformed; unknown
 * fields and values of the wrong type are field errors.
 */
public final class AdvisoryJsonReader {

    /** Deeper than any advisory needs; stops stack-exhausting input early. */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(40)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AdvisoryJsonReader() {
    }

    /**
     * Parses {@code body} and reads the advisory from it.
     *
     * @throws ProblemException {@code MALFORMED} when the body is not one well-formed JSON value
     */
    public static Advisory read(byte[] body, FieldErrors errors) {
        return read(parse(body), errors);
    }

    static JsonNode parse(byte[] body) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null) {
                throw new ProblemException(ProblemType.MALFORMED, "the body is empty; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new ProblemException(ProblemType.MALFORMED, "the body is not valid JSON: " + e.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED, "the body could not be read as JSON: " + e.getMessage());
        }
    }

    /** Reads an advisory from a parsed JSON value. */
    public static Advisory read(JsonNode root, FieldErrors errors) {
        JsonObjectReader r = JsonObjectReader.of(root, "", errors);
        String distributionId = r.text("distributionId");
        String documentId = r.text("documentId");
        Integer revision = r.integer("revision");
        if (!r.has("revision")) {
            errors.add("/revision", "required");
        }
        MessageType type = r.oneOf("type", MessageType.class);
        Mode mode = r.oneOf("mode", Mode.class);
        Category category = r.oneOf("category", Category.class);
        Sender sender = sender(r.object("sender"));
        var areas = r.array("areas", (node, at) -> {
            JsonObjectReader area = JsonObjectReader.of(node, at, errors);
            TargetArea result = new TargetArea(area.jisCode("code"), area.text("name"));
            if (!area.has("code")) {
                errors.add(at + "/code", "required");
            }
            area.finish();
            return result;
        });
        var reportTime = r.time("reportTime");
        var targetTime = r.time("targetTime");
        var validUntil = r.time("validUntil");
        String disaster = r.text("disaster");
        LocalizedText headline = text(r.object("headline"));
        if (!r.has("headline")) {
            errors.add("/headline/ja", "required");
        }
        LocalizedText text = text(r.object("text"));
        AdvisoryBody body = body(r, category, errors);
        r.finish();
        return new Advisory(distributionId, documentId, revision == null ? 0 : revision, type, mode, category,
                sender, areas, reportTime, targetTime, validUntil, disaster, headline, text, body);
    }

    private static Sender sender(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        Sender sender = new Sender(r.jisCode("code"), r.text("name"), r.text("office"));
        r.finish();
        return sender;
    }

    private static LocalizedText text(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        LocalizedText text = new LocalizedText(r.text("ja"), r.text("en"));
        r.finish();
        return text;
    }

    /** Reads the body of {@code category}; other categories' body fields are errors. */
    private static AdvisoryBody body(JsonObjectReader r, Category category, FieldErrors errors) {
        AdvisoryBody body = null;
        for (Category each : Category.values()) {
            if (each == category) {
                body = BodyJsonReader.read(each, r);
            } else if (r.has(each.bodyField())) {
                r.object(each.bodyField());
                if (category != null) {
                    errors.add(r.pointerOf(each.bodyField()), "belongs to category " + each.wireName()
                            + ", not " + category.wireName());
                }
            }
        }
        return body;
    }
}
