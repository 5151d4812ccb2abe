package jp.bousai.relay.core.store;

import java.time.Instant;

/** A verified subscription: where to push which feed until when, and the secret that signs the pushes (or null). */
public record WebSubSubscription(String callback, String topic, String secret, Instant expiresAt) {
}
