package jp.bousai.relay.adapters.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook: {@code X-Bousai-Signature: sha256=<hex>}, an HMAC-SHA256 with the
 * receiver's secret over {@code <timestamp>.<body>}, where the timestamp (Unix seconds) is sent
 * in {@code X-Bousai-Timestamp}. Receivers recompute it and refuse stale timestamps.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Bousai-Signature";
    public static final String TIMESTAMP_HEADER = "X-Bousai-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        return hmacSha256(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
    }

    /**
     * {@code sha256=} and the hex HMAC-SHA256 with {@code secret} over {@code parts} in order: the
     * signature form of our webhooks and of WebSub's {@code X-Hub-Signature}.
     */
    public static String hmacSha256(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
