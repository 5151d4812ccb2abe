package jp.bousai.relay.server.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one credential that may publish on the embedded broker: bousai-relay's own connection.
 * The password is drawn at random (256 bits) at every start and held only in memory, so there is
 * no built-in default and nothing to leak from the configuration.
 *
 * @param username the reserved user name
 * @param clientId the client id the relay's publisher connects with; no one else may use it
 * @param password the random password (never logged: {@link #toString()} leaves it out)
 */
public record PublisherCredential(String username, String clientId, String password) {

    /** The user name reserved for the relay's publisher. */
    public static final String USERNAME = "bousai-relay-publisher";

    public static PublisherCredential generate(String clientId) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new PublisherCredential(USERNAME, clientId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Whether the CONNECT's user name and password are this credential (compared in constant time). */
    public boolean matches(String user, byte[] presented) {
        return USERNAME.equals(user) && presented != null
                && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), presented);
    }

    @Override
    public String toString() {
        return "PublisherCredential[username=" + username + ", clientId=" + clientId + "]";
    }
}
