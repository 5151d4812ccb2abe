package jp.bousai.relay.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration as read from the YAML file, with environment variables overriding single
 * keys. The rule: {@code BOUSAI_} followed by the key in upper case with dots and dashes as
 * underscores, so {@code http.port} is {@code BOUSAI_HTTP_PORT} and {@code data.dir} is
 * {@code BOUSAI_DATA_DIR}. Every read names its key in errors; keys in the file that nothing read
 * are reported by {@link #checkAllKeysKnown()}.
 */
public final class ConfigSource {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final JsonNode root;
    private final Map<String, String> env;
    private final Set<String> read = new HashSet<>();

    public ConfigSource(JsonNode root, Map<String, String> env) {
        this.root = root;
        this.env = env;
    }

    public static String envName(String key) {
        return "BOUSAI_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The raw text of a key: its environment variable if set, else the file's value, else null. */
    private String raw(String key) {
        read.add(key);
        String fromEnv = env.get(envName(key));
        if (fromEnv != null) {
            return fromEnv.trim();
        }
        JsonNode node = node(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            throw new ConfigException(key, "expected a single value, found a " + (node.isArray() ? "list" : "section"));
        }
        return node.asText().trim();
    }

    /** The file's node at a dotted key (lists and sections are not overridable by environment). */
    public JsonNode node(String key) {
        read.add(key);
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }

    public String string(String key, String defaultValue) {
        String value = raw(key);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    public int integer(String key, int defaultValue, int min, int max) {
        String value = raw(key);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, got '" + value + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        String value = raw(key);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigException(key, "must be true or false, got '" + value + "'");
    }

    /** A duration written as a number with a unit: {@code 500ms}, {@code 15s}, {@code 5m}, {@code 2h}, {@code 30d}. */
    public Duration duration(String key, Duration defaultValue, Duration min) {
        String value = raw(key);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new ConfigException(key, "must be a number with a unit (ms, s, m, h or d), e.g. 15s; got '"
                    + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration parsed = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (parsed.compareTo(min) < 0) {
            throw new ConfigException(key, "must be at least " + min.toMillis() + "ms, got '" + value + "'");
        }
        return parsed;
    }

    public Path path(String key, String defaultValue) {
        return Path.of(string(key, defaultValue));
    }

    /** Fails naming every key in the file that no option read (a typo, or a key from another version). */
    public void checkAllKeysKnown() {
        Set<String> unknown = new TreeSet<>();
        collectLeaves(root, "", unknown);
        unknown.removeIf(key -> read.contains(key) || read.stream().anyMatch(known -> key.startsWith(known + ".")));
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown configuration key" + (unknown.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", unknown) + " (see config/bousai-relay.yaml for every key)");
        }
    }

    private static void collectLeaves(JsonNode node, String prefix, Set<String> into) {
        if (node == null || !node.isObject()) {
            if (!prefix.isEmpty()) {
                into.add(prefix);
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            collectLeaves(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), into);
        }
    }
}
