package jp.bousai.relay.adapters.webpush;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188):
 * a fresh P-256 key pair and a fresh 16-byte salt per message, keys derived by HKDF-SHA256 from
 * the ECDH secret and the subscription's auth secret, one AES-128-GCM record.
 *
 * <p>The body is {@code salt(16) || rs(4) || idlen(1)=65 || keyid(65) || record}: 86 bytes of
 * header, then the plaintext, the last-record delimiter {@code 0x02}, optional zero padding and a
 * 16-byte tag. A push service has to accept 4096 bytes of body (RFC 8030), so at most
 * {@link #MAX_PLAINTEXT_BYTES} of plaintext fit. Decryption (what a browser does) is here too: the
 * push-service stand-in in the tests and the loadtest use it.
 */
public final class Aes128gcm {

    /** The smallest body every push service must accept (RFC 8030 section 7.2). */
    public static final int MAX_BODY_BYTES = 4096;
    /** Salt, record size, key id length and the 65-byte key id. */
    public static final int HEADER_BYTES = 16 + 4 + 1 + P256.PUBLIC_KEY_BYTES;
    /** The GCM tag. */
    public static final int TAG_BYTES = 16;
    /** The most plaintext that fits one record in {@link #MAX_BODY_BYTES} (the delimiter takes one byte). */
    public static final int MAX_PLAINTEXT_BYTES = MAX_BODY_BYTES - HEADER_BYTES - TAG_BYTES - 1;
    /** The record size written in the header: one record always fits, as RFC 8291 requires 4096 at most. */
    public static final int RECORD_SIZE = 4096;

    private static final int SALT_BYTES = 16;
    private static final int AUTH_SECRET_BYTES = 16;
    private static final byte LAST_RECORD_DELIMITER = 0x02;
    private static final byte[] KEY_INFO_LABEL = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random;

    public Aes128gcm(SecureRandom random) {
        this.random = random;
    }

    /**
     * Encrypts {@code plaintext} for a subscription, padded with zeros so that plaintext plus
     * padding is at least {@code padTo} bytes (0: no padding).
     */
    public byte[] encrypt(byte[] plaintext, ECPublicKey userAgentKey, byte[] authSecret, int padTo) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return encrypt(plaintext, userAgentKey, authSecret, padTo, salt, P256.generate(random));
    }

    /** The same with a given salt and application-server key pair: for the RFC's example only. */
    static byte[] encrypt(byte[] plaintext, ECPublicKey userAgentKey, byte[] authSecret, int padTo,
                          byte[] salt, KeyPair serverKeys) {
        checkLengths(authSecret, salt);
        int padding = Math.max(0, padTo - plaintext.length);
        if (plaintext.length + padding > MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("plaintext of " + plaintext.length + " bytes with " + padding
                    + " bytes of padding does not fit one push message (" + MAX_PLAINTEXT_BYTES + " at most)");
        }
        byte[] serverPublic = P256.encode((ECPublicKey) serverKeys.getPublic());
        byte[] userAgentPublic = P256.encode(userAgentKey);
        byte[] secret = ecdh((ECPrivateKey) serverKeys.getPrivate(), userAgentKey);
        ContentKeys keys = deriveKeys(secret, authSecret, userAgentPublic, serverPublic, salt);

        byte[] record = new byte[plaintext.length + 1 + padding];
        System.arraycopy(plaintext, 0, record, 0, plaintext.length);
        record[plaintext.length] = LAST_RECORD_DELIMITER;

        ByteBuffer body = ByteBuffer.allocate(HEADER_BYTES + record.length + TAG_BYTES);
        body.put(salt).putInt(RECORD_SIZE).put((byte) serverPublic.length).put(serverPublic);
        try {
            Cipher cipher = keys.cipher(Cipher.ENCRYPT_MODE);
            cipher.doFinal(ByteBuffer.wrap(record), body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
        return body.array();
    }

    /**
     * Decrypts a one-record {@code aes128gcm} body as a browser does; throws
     * {@link GeneralSecurityException} when the body is malformed or does not authenticate.
     */
    public static byte[] decrypt(byte[] body, ECPrivateKey userAgentPrivate, ECPublicKey userAgentPublic,
                                 byte[] authSecret) throws GeneralSecurityException {
        if (body.length < HEADER_BYTES + TAG_BYTES + 1) {
            throw new GeneralSecurityException("body too short for aes128gcm: " + body.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[SALT_BYTES];
        in.get(salt);
        int recordSize = in.getInt();
        int idLength = Byte.toUnsignedInt(in.get());
        if (idLength != P256.PUBLIC_KEY_BYTES) {
            throw new GeneralSecurityException("key id is " + idLength + " bytes, not a P-256 point");
        }
        byte[] serverPublic = new byte[idLength];
        in.get(serverPublic);
        if (in.remaining() > recordSize) {
            throw new GeneralSecurityException("more than one record (" + in.remaining() + " > rs " + recordSize + ")");
        }
        ECPublicKey serverKey;
        try {
            serverKey = P256.publicKey(serverPublic);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("bad key id: " + e.getMessage());
        }
        byte[] secret = ecdh(userAgentPrivate, serverKey);
        ContentKeys keys = deriveKeys(secret, authSecret, P256.encode(userAgentPublic), serverPublic, salt);
        byte[] record = keys.cipher(Cipher.DECRYPT_MODE).doFinal(body, HEADER_BYTES, body.length - HEADER_BYTES);
        int end = record.length - 1;
        while (end >= 0 && record[end] == 0) {
            end--;
        }
        if (end < 0 || record[end] != LAST_RECORD_DELIMITER) {
            throw new GeneralSecurityException("no last-record delimiter");
        }
        byte[] plaintext = new byte[end];
        System.arraycopy(record, 0, plaintext, 0, end);
        return plaintext;
    }

    private static ContentKeys deriveKeys(byte[] ecdhSecret, byte[] authSecret, byte[] userAgentPublic,
                                          byte[] serverPublic, byte[] salt) {
        byte[] keyInfo = ByteBuffer.allocate(KEY_INFO_LABEL.length + userAgentPublic.length + serverPublic.length)
                .put(KEY_INFO_LABEL).put(userAgentPublic).put(serverPublic).array();
        byte[] inputKeyMaterial = Hkdf.expand(Hkdf.extract(authSecret, ecdhSecret), keyInfo, 32);
        byte[] prk = Hkdf.extract(salt, inputKeyMaterial);
        return new ContentKeys(Hkdf.expand(prk, CEK_INFO, 16), Hkdf.expand(prk, NONCE_INFO, 12));
    }

    private static byte[] ecdh(ECPrivateKey own, ECPublicKey peer) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(own);
            agreement.doPhase(peer, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ECDH failed: " + e.getMessage(), e);
        }
    }

    private static void checkLengths(byte[] authSecret, byte[] salt) {
        if (authSecret == null || authSecret.length != AUTH_SECRET_BYTES) {
            throw new IllegalArgumentException("the auth secret is 16 bytes");
        }
        if (salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("the salt is 16 bytes");
        }
    }

    /** The content-encryption key and the nonce of the first (only) record. */
    private record ContentKeys(byte[] key, byte[] nonce) {
        Cipher cipher(int mode) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            return cipher;
        }
    }
}
