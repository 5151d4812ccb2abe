package jp.bousai.relay.adapters.webpush;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A push the stand-in took: for which subscription, the decrypted payload, the RFC 8030 headers
 * as sent, the status it answered and when it received it. {@code plaintext} is null when the push
 * was refused before decryption; {@code problem} says why it was refused by a check (else null).
 */
public record ReceivedPush(String subscriptionId, byte[] plaintext, String ttl, String urgency, String topic,
                           int status, String problem, Instant receivedAt) {

    public String text() {
        return plaintext == null ? null : new String(plaintext, StandardCharsets.UTF_8);
    }

    public boolean accepted() {
        return status == 201;
    }
}
