package jp.bousai.relay.adapters.webpush;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/**
 * The application server's VAPID key pair (RFC 8292): P-256, the public key published as the
 * 65-byte uncompressed point in base64url, which is what a browser's
 * {@code pushManager.subscribe({applicationServerKey})} takes. The private key is never logged:
 * {@link #toString()} shows the public key only.
 */
public final class VapidKeys {

    private final ECPublicKey publicKey;
    private final ECPrivateKey privateKey;

    private VapidKeys(ECPublicKey publicKey, ECPrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    public static VapidKeys generate(SecureRandom random) {
        KeyPair pair = P256.generate(random);
        return new VapidKeys((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
    }

    /**
     * Keys from their raw base64url forms (the 65-byte point and the 32-byte scalar); throws
     * {@link IllegalArgumentException} when either is malformed or they are not one pair.
     */
    public static VapidKeys fromBase64Url(String publicKey, String privateKey) {
        VapidKeys keys = new VapidKeys(P256.publicKey(Base64Url.decode(publicKey)),
                P256.privateKey(Base64Url.decode(privateKey)));
        if (!keys.isPair()) {
            throw new IllegalArgumentException("the VAPID public key does not belong to the private key");
        }
        return keys;
    }

    public ECPublicKey publicKey() {
        return publicKey;
    }

    ECPrivateKey privateKey() {
        return privateKey;
    }

    /** The public key as {@code applicationServerKey} and the {@code k} parameter want it. */
    public String publicKeyBase64Url() {
        return Base64Url.encode(P256.encode(publicKey));
    }

    String privateKeyBase64Url() {
        return Base64Url.encode(P256.encode(privateKey));
    }

    /** The JDK cannot derive a public key from a private one, so check the pair by a signature. */
    private boolean isPair() {
        try {
            byte[] probe = "bousai-relay vapid key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(VapidTokens.SIGNATURE_ALGORITHM);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(VapidTokens.SIGNATURE_ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "VapidKeys[public=" + publicKeyBase64Url() + "]";
    }
}
