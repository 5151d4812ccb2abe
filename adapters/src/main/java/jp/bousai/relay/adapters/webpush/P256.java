package jp.bousai.relay.adapters.webpush;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.SecureRandom;

/**
 * The P-256 curve as Web Push writes its keys: public keys as the 65-byte uncompressed point
 * ({@code 0x04 || X || Y}), private keys as the 32-byte scalar. The JDK has the curve but not
 * these raw forms, so this converts, and checks that a point given from outside is on the curve.
 */
public final class P256 {

    /** Length of an uncompressed point. */
    public static final int PUBLIC_KEY_BYTES = 65;
    /** Length of a private scalar and of each coordinate. */
    public static final int FIELD_BYTES = 32;

    private static final ECParameterSpec PARAMS = lookUpParameters();
    private static final BigInteger P = ((ECFieldFp) PARAMS.getCurve().getField()).getP();

    private P256() {
    }

    /** The curve's domain parameters, as the JDK's key factories want them. */
    public static ECParameterSpec parameters() {
        return PARAMS;
    }

    private static ECParameterSpec lookUpParameters() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }

    /** A fresh key pair. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }

    /** The uncompressed point {@code 0x04 || X || Y}. */
    public static byte[] encode(ECPublicKey key) {
        byte[] out = new byte[PUBLIC_KEY_BYTES];
        out[0] = 0x04;
        writeFixed(key.getW().getAffineX(), out, 1);
        writeFixed(key.getW().getAffineY(), out, 1 + FIELD_BYTES);
        return out;
    }

    /** The 32-byte private scalar. */
    public static byte[] encode(ECPrivateKey key) {
        byte[] out = new byte[FIELD_BYTES];
        writeFixed(key.getS(), out, 0);
        return out;
    }

    /**
     * A public key from its uncompressed point; throws {@link IllegalArgumentException} when the
     * bytes are not a point on P-256 (wrong length, compressed form, off the curve).
     */
    public static ECPublicKey publicKey(byte[] point) {
        if (point == null || point.length != PUBLIC_KEY_BYTES || point[0] != 0x04) {
            throw new IllegalArgumentException("not an uncompressed P-256 point (65 bytes starting 0x04)");
        }
        BigInteger x = new BigInteger(1, point, 1, FIELD_BYTES);
        BigInteger y = new BigInteger(1, point, 1 + FIELD_BYTES, FIELD_BYTES);
        if (!onCurve(x, y)) {
            throw new IllegalArgumentException("the point is not on P-256");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
    }

    /** A private key from its 32-byte scalar. */
    public static ECPrivateKey privateKey(byte[] scalar) {
        if (scalar == null || scalar.length != FIELD_BYTES) {
            throw new IllegalArgumentException("a P-256 private key is 32 bytes");
        }
        BigInteger s = new BigInteger(1, scalar);
        if (s.signum() == 0 || s.compareTo(PARAMS.getOrder()) >= 0) {
            throw new IllegalArgumentException("the private scalar is out of range");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, PARAMS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    private static boolean onCurve(BigInteger x, BigInteger y) {
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger a = PARAMS.getCurve().getA();
        BigInteger b = PARAMS.getCurve().getB();
        BigInteger left = y.multiply(y).mod(P);
        BigInteger right = x.multiply(x).multiply(x).add(a.multiply(x)).add(b).mod(P);
        return left.equals(right);
    }

    private static void writeFixed(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > FIELD_BYTES ? bytes.length - FIELD_BYTES : 0;
        int length = bytes.length - skip;
        System.arraycopy(bytes, skip, out, offset + FIELD_BYTES - length, length);
    }
}
