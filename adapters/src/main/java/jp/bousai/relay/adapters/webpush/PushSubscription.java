package jp.bousai.relay.adapters.webpush;

import java.net.URI;
import java.security.interfaces.ECPublicKey;

/**
 * Where and for whom a push is encrypted: a browser's {@code PushSubscription} as it sends it
 * ({@code endpoint}, {@code keys.p256dh}, {@code keys.auth}), with the keys checked and decoded.
 */
public record PushSubscription(URI endpoint, ECPublicKey userAgentKey, byte[] authSecret) {

    /** The length of {@code keys.auth} (RFC 8291 section 3.2). */
    public static final int AUTH_SECRET_BYTES = 16;

    public PushSubscription {
        VapidTokens.origin(endpoint);
        if (!"https".equalsIgnoreCase(endpoint.getScheme()) && !"http".equalsIgnoreCase(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint: a push endpoint is an http(s) URL");
        }
        if (authSecret == null || authSecret.length != AUTH_SECRET_BYTES) {
            throw new IllegalArgumentException("keys.auth: 16 bytes of base64url expected");
        }
        authSecret = authSecret.clone();
    }

    /**
     * A subscription from the browser's JSON values; the message of the
     * {@link IllegalArgumentException} starts with the field at fault ({@code endpoint},
     * {@code keys.p256dh}, {@code keys.auth}).
     */
    public static PushSubscription fromBase64Url(String endpoint, String p256dh, String auth) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("endpoint: not a URL");
        }
        ECPublicKey key;
        try {
            key = P256.publicKey(Base64Url.decode(p256dh));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("keys.p256dh: a P-256 point (65 bytes, base64url) expected");
        }
        byte[] secret;
        try {
            secret = Base64Url.decode(auth);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("keys.auth: 16 bytes of base64url expected");
        }
        try {
            return new PushSubscription(uri, key, secret);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("keys.")
                    ? e : new IllegalArgumentException("endpoint: " + e.getMessage());
        }
    }

    @Override
    public byte[] authSecret() {
        return authSecret.clone();
    }

    @Override
    public String toString() {
        return "PushSubscription[" + VapidTokens.origin(endpoint) + "]";
    }
}
