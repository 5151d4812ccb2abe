package jp.bousai.relay.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import jp.bousai.relay.core.advisory.Timestamps;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * Reads the fields of one JSON object, adding an error for every field of the wrong type and
 * returning null for it, so that reading goes on and all errors are reported together. Fields it
 * was not asked for are reported as unknown by {@link #finish()}.
 */
final class JsonObjectReader {

    private final JsonNode node;
    private final String pointer;
    private final FieldErrors errors;
    private final Set<String> read = new HashSet<>();

    private JsonObjectReader(JsonNode node, String pointer, FieldErrors errors) {
        this.node = node;
        this.pointer = pointer;
        this.errors = errors;
    }

    /**
     * A reader of {@code node}. When it is not an object, the error is added and the reader reads
     * an empty object, so that the caller still builds its (empty) part and element positions in
     * arrays stay as sent.
     */
    static JsonObjectReader of(JsonNode node, String pointer, FieldErrors errors) {
        if (node == null || !node.isObject()) {
            errors.add(pointer.isEmpty() ? "/" : pointer, "must be a JSON object");
            return new JsonObjectReader(JsonNodeFactory.instance.objectNode(), pointer, errors);
        }
        return new JsonObjectReader(node, pointer, errors);
    }

    String pointerOf(String field) {
        return pointer + "/" + field;
    }

    FieldErrors errors() {
        return errors;
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    private JsonNode get(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String text(String field) {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(pointerOf(field), "must be a string");
            return null;
        }
        return value.textValue();
    }

    Integer integer(String field) {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(pointerOf(field), "must be a whole number");
            return null;
        }
        return value.intValue();
    }

    Long longInteger(String field) {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(pointerOf(field), "must be a whole number");
            return null;
        }
        return value.longValue();
    }

    Double number(String field) {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(pointerOf(field), "must be a number");
            return null;
        }
        return value.doubleValue();
    }

    JisCode jisCode(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        String problem = JisCode.problemWith(value);
        if (problem != null) {
            errors.add(pointerOf(field), problem);
            return null;
        }
        return JisCode.parse(value);
    }

    OffsetDateTime time(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Timestamps.toSeconds(OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            errors.add(pointerOf(field), "must be an ISO 8601 date-time with an offset, e.g. "
                    + "2026-09-01T10:00:00+09:00; got '" + value + "'");
            return null;
        }
    }

    <E extends Enum<E> & WireNamed> E oneOf(String field, Class<E> type) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        Optional<E> found = WireNamed.find(type, value);
        if (found.isEmpty()) {
            errors.add(pointerOf(field), "must be one of " + WireNamed.list(type) + "; got '" + value + "'");
            return null;
        }
        return found.get();
    }

    /** A nested object's reader, or null when the field is absent. */
    JsonObjectReader object(String field) {
        JsonNode value = get(field);
        return value == null ? null : of(value, pointerOf(field), errors);
    }

    /**
     * The elements of an array, each read by {@code element} (which must not return null); empty
     * when absent or not an array.
     */
    <T> List<T> array(String field, BiFunction<JsonNode, String, T> element) {
        JsonNode value = get(field);
        List<T> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!value.isArray()) {
            errors.add(pointerOf(field), "must be an array");
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            result.add(element.apply(value.get(i), pointerOf(field) + "/" + i));
        }
        return result;
    }

    /** Reports every field that was present but never read. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                errors.add(pointerOf(name), "unknown field");
            }
        }
    }
}
