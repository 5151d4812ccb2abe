package jp.bousai.relay.adapters.webpush;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.bousai.relay.core.advisory.Advisory;

/**
 * Builds the requests of a Web Push fan-out: {@link #notice} once per advisory (payload, TTL,
 * Urgency, Topic), then {@link #message} per subscription (encryption and VAPID). Thread-safe; a
 * message costs one P-256 key generation, one ECDH and one AES-GCM record (see docs/webpush.md
 * for the measured cost), so a large fan-out encrypts off the event loop.
 */
public final class PushMessages {

    /** The content coding of RFC 8188 that RFC 8291 uses. */
    public static final String CONTENT_ENCODING = "aes128gcm";

    private final Aes128gcm encryption;
    private final VapidTokens vapid;
    private final PushTtl ttl;
    private final Clock clock;

    public PushMessages(Aes128gcm encryption, VapidTokens vapid, PushTtl ttl, Clock clock) {
        this.encryption = encryption;
        this.vapid = vapid;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The shared part of the pushes for {@code advisory}, opening {@code page} when tapped. */
    public PushNotice notice(Advisory advisory, URI page) {
        return new PushNotice(NotificationPayload.of(advisory, page, Aes128gcm.MAX_PLAINTEXT_BYTES),
                ttl.seconds(advisory, clock.instant()), Urgency.of(advisory), PushTopic.of(advisory.documentId()));
    }

    /** The request that delivers {@code notice} to {@code subscription}. */
    public PushMessage message(PushNotice notice, PushSubscription subscription) {
        byte[] body = encryption.encrypt(notice.payload(), subscription.userAgentKey(), subscription.authSecret(), 0);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("TTL", Long.toString(notice.ttlSeconds()));
        headers.put("Urgency", notice.urgency().headerValue());
        headers.put("Topic", notice.topic());
        headers.put("Content-Encoding", CONTENT_ENCODING);
        headers.put("Content-Type", "application/octet-stream");
        headers.put("Authorization", vapid.authorization(subscription.endpoint()));
        return new PushMessage(subscription.endpoint(), headers, body);
    }
}
