package jp.bousai.relay.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An admin key: its id and SHA-256; {@code demo} marks a publicly known one. */
public record AdminKeyConfig(String id, String sha256, boolean demo) {

    private static final Set<String> FIELDS = Set.of("id", "sha256", "demo");

    /** The keys in {@code auth.admin-keys}; none by default. */
    public static List<AdminKeyConfig> listFrom(ConfigSection auth) {
        List<AdminKeyConfig> keys = new ArrayList<>();
        for (ConfigEntry entry : auth.entries("admin-keys", "a list of keys")) {
            entry.fieldsAmong(FIELDS);
            String sha256 = entry.sha256();
            keys.add(new AdminKeyConfig(entry.text("id"), sha256, entry.bool("demo", false)));
        }
        return keys;
    }
}
