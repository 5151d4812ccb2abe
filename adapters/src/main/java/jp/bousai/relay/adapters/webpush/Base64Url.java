package jp.bousai.relay.adapters.webpush;

import java.util.Base64;

/** Unpadded base64url, the encoding of every key, salt and token in Web Push. */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Decodes base64url with or without padding; throws {@link IllegalArgumentException} on other input. */
    public static byte[] decode(String text) {
        return DECODER.decode(text.strip());
    }
}
