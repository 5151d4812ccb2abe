package jp.bousai.relay.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One section of the configuration, such as {@code mqtt} or {@code http.tls}, for the options
 * type that owns it: each reads its keys by their name inside the section ({@code mode}, not
 * {@code mqtt.mode}), with its own defaults and checks, and every error still names the full key.
 * Values come from {@link ConfigSource}, so environment overrides and the unknown-key check work
 * the same for every section.
 */
public final class ConfigSection {

    private final ConfigSource source;
    private final String prefix;

    ConfigSection(ConfigSource source, String prefix) {
        this.source = source;
        this.prefix = prefix;
        source.knownSection(prefix);
    }

    /** The full dotted key of {@code name} in this section, as errors and the environment name it. */
    public String key(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    public ConfigSection section(String name) {
        return new ConfigSection(source, key(name));
    }

    /** An error about key {@code name} of this section. */
    public ConfigException error(String name, String problem) {
        return new ConfigException(key(name), problem);
    }

    public String string(String name, String defaultValue) {
        return source.string(key(name), defaultValue);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        return source.integer(key(name), defaultValue, min, max);
    }

    public boolean bool(String name, boolean defaultValue) {
        return source.bool(key(name), defaultValue);
    }

    public Duration duration(String name, Duration defaultValue, Duration min) {
        return source.duration(key(name), defaultValue, min);
    }

    public List<String> list(String name, List<String> defaultValue) {
        return source.list(key(name), defaultValue);
    }

    public Path path(String name, Path defaultValue) {
        String value = source.string(key(name), null);
        return value == null ? defaultValue : Path.of(value);
    }

    /**
     * One of {@code type}'s constants, written in lower case with dashes ({@code embedded} for
     * {@code EMBEDDED}); anything else fails naming the key and the values allowed.
     */
    public <E extends Enum<E>> E choice(String name, E defaultValue, Class<E> type) {
        String value = source.string(key(name), null);
        if (value == null) {
            return defaultValue;
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String written = written(constant);
            if (written.equals(value)) {
                return constant;
            }
            allowed.add(written);
        }
        throw error(name, "must be " + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                + allowed.get(allowed.size() - 1) + ", got '" + value + "'");
    }

    /** How a constant is written in the configuration. */
    public static String written(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The entries of a list of mappings ({@code auth.api-keys}); none when absent.
     *
     * @param what what the list holds, for the error when it is not a list
     */
    public List<ConfigEntry> entries(String name, String what) {
        JsonNode list = source.node(key(name));
        List<ConfigEntry> entries = new ArrayList<>();
        if (list == null || list.isNull()) {
            return entries;
        }
        if (!list.isArray()) {
            throw error(name, "must be " + what);
        }
        for (int i = 0; i < list.size(); i++) {
            entries.add(new ConfigEntry(key(name) + "[" + i + "]", list.get(i)));
        }
        return entries;
    }
}
