package jp.bousai.relay.adapters.webpush;

/**
 * What every subscription gets for one advisory, computed once per advisory before the fan-out:
 * the plaintext payload and the RFC 8030 delivery headers. Only the encryption and the VAPID
 * header differ per subscription.
 */
public record PushNotice(byte[] payload, long ttlSeconds, Urgency urgency, String topic) {

    public PushNotice {
        if (payload.length > Aes128gcm.MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("a push payload is at most " + Aes128gcm.MAX_PLAINTEXT_BYTES + " bytes");
        }
        if (topic.length() > PushTopic.MAX_LENGTH || !topic.matches("[A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("a Topic is at most 32 URL-safe base64 characters: " + topic);
        }
    }
}
