package jp.bousai.relay.core.channel;

import java.time.Instant;

/**
 * The record of one version for one channel: when it was queued, first tried and acknowledged,
 * how many attempts it took and the last error. Times are null until they happen.
 */
public record DeliveryReceipt(String channel, long seq, int revision, DeliveryState state, Instant queuedAt,
                              Instant firstAttemptAt, Instant deliveredAt, int attempts, String lastError,
                              Instant nextAttemptAt) {
}
