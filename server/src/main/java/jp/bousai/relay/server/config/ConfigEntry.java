package jp.bousai.relay.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.bousai.relay.core.area.JisCode;

/**
 * One entry of a list of mappings in the configuration file, such as {@code auth.api-keys[0]}:
 * its fields, checked and named by their full key in errors. Entries are set in the file only,
 * never by environment.
 */
public final class ConfigEntry {

    private final String key;
    private final JsonNode node;

    ConfigEntry(String key, JsonNode node) {
        this.key = key;
        this.node = node;
    }

    /** The entry's own key, e.g. {@code auth.api-keys[0]}. */
    public String key() {
        return key;
    }

    public JsonNode node() {
        return node;
    }

    public ConfigException error(String field, String problem) {
        return new ConfigException(key + "." + field, problem);
    }

    /** Fails on a field outside {@code allowed}, or when the entry is not a mapping. */
    public ConfigEntry fieldsAmong(Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(key, "must be a mapping with " + String.join(", ", allowed));
        }
        for (var fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!allowed.contains(field)) {
                throw error(field, "unknown field; allowed: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** A field that must be there and not blank, trimmed. */
    public String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw error(field, "required");
        }
        return value.asText().trim();
    }

    /** An optional field's text; null when absent. */
    public String optionalText(String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    public boolean bool(String field, boolean defaultValue) {
        return node.path(field).asBoolean(defaultValue);
    }

    /** A required hex SHA-256 of a key, in lower case. */
    public String sha256() {
        String sha256 = text("sha256").toLowerCase(Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw error("sha256", "must be 64 hex digits (the SHA-256 of the key; "
                    + "`java -jar bousai-relay.jar hash-key KEY` prints it)");
        }
        return sha256;
    }

    /** A required JIS X 0402 code. */
    public JisCode code(String field) {
        return code(text(field), key + "." + field);
    }

    /** The optional list of JIS X 0402 codes in {@code areas}; empty when absent. */
    public List<JisCode> areas() {
        List<JisCode> areas = new ArrayList<>();
        JsonNode list = node.get("areas");
        if (list != null && list.isArray()) {
            for (JsonNode area : list) {
                areas.add(code(area.asText(), key + ".areas"));
            }
        }
        return areas;
    }

    private static JisCode code(String value, String key) {
        String problem = JisCode.problemWith(value);
        if (problem != null) {
            throw new ConfigException(key, problem);
        }
        return JisCode.parse(value);
    }
}
