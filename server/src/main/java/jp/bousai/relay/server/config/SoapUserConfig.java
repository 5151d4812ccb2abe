package jp.bousai.relay.server.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.bousai.relay.core.area.JisCode;

/**
 * One L-Alert (Commons SOAP) sender: WS-Security username and password, the sender it issues as
 * and the areas it may issue for (empty: the sender's own). The password is kept as given:
 * WS-Security PasswordDigest cannot be checked without it.
 */
public record SoapUserConfig(String username, String password, JisCode sender, List<JisCode> areas, boolean demo) {

    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Set<String> FIELDS = Set.of("username", "password", "sender", "areas", "demo");

    public SoapUserConfig {
        areas = List.copyOf(areas);
    }

    /** The users in {@code auth.soap-users}; none by default. User names must be unique. */
    public static List<SoapUserConfig> listFrom(ConfigSection auth) {
        List<SoapUserConfig> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigEntry entry : auth.entries("soap-users", "a list of users")) {
            entry.fieldsAmong(FIELDS);
            String username = entry.text("username");
            if (!names.add(username)) {
                throw new ConfigException(entry.key(), "duplicate username '" + username + "'");
            }
            String password = entry.text("password");
            if (password.length() < MIN_PASSWORD_LENGTH) {
                throw entry.error("password", "must have at least " + MIN_PASSWORD_LENGTH + " characters");
            }
            users.add(new SoapUserConfig(username, password, entry.code("sender"), entry.areas(),
                    entry.bool("demo", false)));
        }
        return users;
    }

    @Override
    public String toString() {
        return "SoapUserConfig[username=" + username + ", sender=" + sender + ", areas=" + areas + ", demo=" + demo + "]";
    }
}
