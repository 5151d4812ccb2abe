package jp.bousai.relay.adapters.webpush;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * ECDSA signatures between DER ({@code SEQUENCE { INTEGER r, INTEGER s }}, what the JDK's plain
 * {@code SHA256withECDSA} reads and writes) and JOSE ({@code r || s}, 32 bytes each, what a JWT
 * carries). The classic bugs are a 33-byte integer with its sign byte, and an r or s shorter than
 * 32 bytes: both are handled by going through {@link BigInteger}. Test code: it checks the tokens
 * against the JDK's other signature format.
 */
final class EcdsaDer {

    private static final int HALF = 32;

    private EcdsaDer() {
    }

    static byte[] joseToDer(byte[] jose) {
        if (jose.length != 2 * HALF) {
            throw new IllegalArgumentException("a JOSE ES256 signature is 64 bytes, got " + jose.length);
        }
        byte[] r = new BigInteger(1, Arrays.copyOfRange(jose, 0, HALF)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(jose, HALF, 2 * HALF)).toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(2 + r.length + 2 + s.length);
        out.write(0x02);
        out.write(r.length);
        out.writeBytes(r);
        out.write(0x02);
        out.write(s.length);
        out.writeBytes(s);
        return out.toByteArray();
    }

    static byte[] derToJose(byte[] der) {
        if (der[0] != 0x30 || der[1] != der.length - 2 || der[2] != 0x02) {
            throw new IllegalArgumentException("not a short DER ECDSA signature");
        }
        int rLength = der[3];
        int sAt = 4 + rLength;
        if (der[sAt] != 0x02 || der[sAt + 1] != der.length - sAt - 2) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        byte[] jose = new byte[2 * HALF];
        writeFixed(new BigInteger(1, Arrays.copyOfRange(der, 4, sAt)), jose, 0);
        writeFixed(new BigInteger(1, Arrays.copyOfRange(der, sAt + 2, der.length)), jose, HALF);
        return jose;
    }

    private static void writeFixed(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int skip = Math.max(0, bytes.length - HALF);
        System.arraycopy(bytes, skip, out, offset + HALF - (bytes.length - skip), bytes.length - skip);
    }
}
