package jp.bousai.relay.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration as read from the YAML file, with environment variables overriding single
 * keys. The rule: {@code BOUSAI_} followed by the key in upper case with dots and dashes as
 * underscores, so {@code http.port} is {@code BOUSAI_HTTP_PORT} and {@code data.dir} is
 * {@code BOUSAI_DATA_DIR}. Every read names its key in errors; keys in the file and
 * {@code BOUSAI_*} variables that nothing read are reported by {@link #checkAllKeysKnown()}, and
 * {@link #locate} makes an error name where the bad value came from.
 */
public final class ConfigSource {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /** Environment variables with the prefix that are not configuration keys (logback reads this one). */
    static final Set<String> OTHER_VARIABLES = Set.of("BOUSAI_LOG_LEVEL");
    private static final String PREFIX = "BOUSAI_";

    private final JsonNode root;
    private final Map<String, String> env;
    private final String origin;
    private final Set<String> read = new HashSet<>();
    private final Set<String> readAsValue = new HashSet<>();
    private final Set<String> sections = new HashSet<>();

    public ConfigSource(JsonNode root, Map<String, String> env) {
        this(root, env, "the configuration");
    }

    /** @param origin where {@code root} was read from, for errors: a file path, or "the built-in defaults" */
    public ConfigSource(JsonNode root, Map<String, String> env, String origin) {
        this.root = root;
        this.env = env;
        this.origin = origin;
    }

    /** The top level, whose sections and lists ({@code receivers}) are read from it. */
    public ConfigSection root() {
        return new ConfigSection(this, "");
    }

    /** The section at a dotted key, e.g. {@code mqtt} or {@code http.tls}. */
    public ConfigSection section(String key) {
        return new ConfigSection(this, key);
    }

    /**
     * A section some options type reads: in the file it is known even when all its keys are
     * commented out (YAML then gives it no value), but unknown keys inside it are still unknown.
     */
    void knownSection(String key) {
        if (!key.isEmpty()) {
            sections.add(key);
        }
    }

    public static String envName(String key) {
        return "BOUSAI_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The raw text of a key: its environment variable if set, else the file's value, else null. */
    private String raw(String key) {
        read.add(key);
        readAsValue.add(key);
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
        return lookup(key);
    }

    private JsonNode lookup(String key) {
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

    /**
     * A list of strings: a YAML list in the file, or comma-separated in the environment (and in the
     * file, as a single value). Blank items are dropped.
     */
    public List<String> list(String key, List<String> defaultValue) {
        String fromEnv = env.get(envName(key));
        read.add(key);
        readAsValue.add(key);
        if (fromEnv != null) {
            return split(fromEnv);
        }
        JsonNode node = node(key);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (node.isObject()) {
            throw new ConfigException(key, "expected a list, found a section");
        }
        if (!node.isArray()) {
            return split(node.asText());
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isContainerNode()) {
                throw new ConfigException(key, "expected a list of single values");
            }
            if (!item.asText().isBlank()) {
                values.add(item.asText().trim());
            }
        }
        return values;
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    public Path path(String key, String defaultValue) {
        return Path.of(string(key, defaultValue));
    }

    /**
     * The same error, naming where the bad value came from: the environment variable when one set
     * the key, else the key in {@link #origin}.
     */
    public ConfigException locate(ConfigException error) {
        String key = error.key();
        if (key == null) {
            return error;
        }
        ConfigException located = readAsValue.contains(key) && env.containsKey(envName(key))
                ? new ConfigException("environment variable " + envName(key) + " (configuration key '" + key
                        + "'): " + error.problem())
                : new ConfigException("configuration key '" + key + "' in " + origin + ": " + error.problem());
        located.setStackTrace(error.getStackTrace());
        return located;
    }

    /**
     * Fails naming every key in the file that no option read (a typo, or a key from another
     * version), and every {@code BOUSAI_*} environment variable that sets no key.
     */
    public void checkAllKeysKnown() {
        checkAllVariablesKnown();
        Set<String> unknown = new TreeSet<>();
        collectLeaves(root, "", unknown);
        unknown.removeIf(key -> read.contains(key) || sections.contains(key) && lookup(key).isNull()
                || read.stream().anyMatch(known -> key.startsWith(known + ".")));
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown configuration key" + (unknown.size() > 1 ? "s" : "") + " in "
                    + origin + ": " + String.join(", ", unknown) + " (see config/bousai-relay.yaml for every key)");
        }
    }

    private void checkAllVariablesKnown() {
        Set<String> settable = new HashSet<>(OTHER_VARIABLES);
        readAsValue.forEach(key -> settable.add(envName(key)));
        Set<String> unknown = new TreeSet<>();
        Set<String> notSettable = new TreeSet<>();
        for (String name : env.keySet()) {
            if (name.startsWith(PREFIX) && !settable.contains(name)) {
                boolean names = Stream.concat(read.stream(), sections.stream())
                        .anyMatch(key -> envName(key).equals(name));
                (names ? notSettable : unknown).add(name);
            }
        }
        if (!notSettable.isEmpty()) {
            throw new ConfigException("environment variable" + (notSettable.size() > 1 ? "s " : " ")
                    + String.join(", ", notSettable) + ": lists and sections are set in the configuration file only");
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown environment variable" + (unknown.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", unknown) + " (no configuration key has this name; see "
                    + "config/bousai-relay.yaml for every key, and BOUSAI_LOG_LEVEL for the log level)");
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
