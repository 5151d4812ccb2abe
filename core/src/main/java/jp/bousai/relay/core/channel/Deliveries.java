package jp.bousai.relay.core.channel;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * The durable outboxes and receipts of the channels (the store port for delivery). A row per
 * (channel, version) is written in the append's transaction; it stays, as the receipt, after
 * the version is delivered, superseded, expired or abandoned, until history retention drops it.
 */
public interface Deliveries {

    /**
     * Up to {@code limit} pending versions of {@code channel} that are due at {@code now}, oldest
     * first. For {@link DeliveryOrder#TOTAL} the list stops at the first one not yet due, so that
     * no version overtakes an earlier one waiting for its retry.
     */
    Future<List<PendingDelivery>> pending(String channel, DeliveryOrder order, Instant now, int limit);

    /** How many versions of {@code channel} are pending. */
    Future<Long> depth(String channel);

    /**
     * Records the acknowledgement of an attempt made at {@code attemptedAt}; with
     * {@code supersedeOlder}, the document's older pending versions become superseded in the same
     * transaction.
     */
    Future<Void> delivered(String channel, PendingDelivery delivery, Instant attemptedAt, Instant acknowledgedAt,
                           boolean supersedeOlder);

    /**
     * Records a failed attempt; the version is due again at {@code nextAttempt}. With
     * {@code supersedeOlder}, the document's older pending versions become superseded: only the
     * newest is tried from now on.
     */
    Future<Void> failed(String channel, PendingDelivery delivery, Instant attemptedAt, Instant nextAttempt,
                        String error, boolean supersedeOlder);

    /** Marks a pending version expired (its validity ended before it could be delivered), and the document's older ones. */
    Future<Void> expired(String channel, PendingDelivery delivery);

    /**
     * Makes up to {@code limit} pending versions of {@code channel} that wait for a retry after
     * {@code now} due at {@code now}, lowest sequence number first: a channel that works again
     * catches up at once instead of after each version's remaining backoff.
     *
     * @return how many were made due
     */
    Future<Integer> dueNow(String channel, Instant now, int limit);

    /** Marks every pending version of a removed channel abandoned. */
    Future<Void> abandon(String channel);

    /** Every receipt for the versions of {@code documentId}, by channel then sequence. */
    Future<List<DeliveryReceipt>> receipts(String documentId);
}
