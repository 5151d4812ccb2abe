package jp.bousai.relay.adapters.webpush;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * VAPID settings: the contact a push service can reach the operator at ({@code sub}, a
 * {@code mailto:} or {@code https:} URI), optionally the key pair given in config (raw base64url;
 * both or neither), and how long a token is valid (at most 24 hours, RFC 8292 section 2).
 */
public record VapidOptions(String subject, String publicKey, String privateKey, Duration tokenLifetime) {

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(12);
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(24);

    public VapidOptions {
        if (subject == null || !(subject.startsWith("mailto:") || subject.startsWith("https:"))
                || subject.length() < "mailto:x".length()) {
            throw new IllegalArgumentException("push.vapid.subject must be a mailto: or https: contact, got: " + subject);
        }
        publicKey = blankToNull(publicKey);
        privateKey = blankToNull(privateKey);
        if ((publicKey == null) != (privateKey == null)) {
            throw new IllegalArgumentException("push.vapid.public-key and push.vapid.private-key go together: give both or neither");
        }
        tokenLifetime = tokenLifetime == null ? DEFAULT_TOKEN_LIFETIME : tokenLifetime;
        if (tokenLifetime.compareTo(Duration.ofMinutes(5)) < 0 || tokenLifetime.compareTo(MAX_TOKEN_LIFETIME) > 0) {
            throw new IllegalArgumentException("push.vapid.token-lifetime must be between 5 minutes and 24 hours, got: "
                    + tokenLifetime);
        }
    }

    /** Contact only: keys kept in the data directory, tokens of the default lifetime. */
    public static VapidOptions withSubject(String subject) {
        return new VapidOptions(subject, null, null, null);
    }

    /**
     * The key pair: the one given in config, else the one stored in {@code dataDirectory}
     * (generated there at first start). Blocking: call at start-up, off the event loop.
     */
    public VapidKeys keys(Path dataDirectory, SecureRandom random) throws IOException {
        if (publicKey != null) {
            try {
                return VapidKeys.fromBase64Url(publicKey, privateKey);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("push.vapid keys: " + e.getMessage(), e);
            }
        }
        return new VapidKeyStore(dataDirectory).loadOrCreate(random);
    }

    @Override
    public String toString() {
        return "VapidOptions[subject=" + subject + ", keys=" + (publicKey == null ? "stored" : "configured")
                + ", tokenLifetime=" + tokenLifetime + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
