package jp.bousai.relay.adapters.webpush;

import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/**
 * A subscription as a browser holds it: the endpoint the push service gave, and the browser's own
 * P-256 key pair and 16-byte auth secret. Only the browser (here: the stand-in) has the private key.
 */
public record BrowserSubscription(String id, URI endpoint, KeyPair keys, byte[] authSecret) {

    /** What the browser sends to the application server ({@code PushSubscription.toJSON()}). */
    public PushSubscription asSent() {
        return new PushSubscription(endpoint, publicKey(), authSecret);
    }

    /** {@code keys.p256dh} as the browser's JSON carries it. */
    public String p256dh() {
        return Base64Url.encode(P256.encode(publicKey()));
    }

    /** {@code keys.auth} as the browser's JSON carries it. */
    public String auth() {
        return Base64Url.encode(authSecret);
    }

    ECPublicKey publicKey() {
        return (ECPublicKey) keys.getPublic();
    }

    ECPrivateKey privateKey() {
        return (ECPrivateKey) keys.getPrivate();
    }
}
