package jp.bousai.relay.server.outbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bousai.relay.core.channel.DeliveryOrder;
import jp.bousai.relay.core.channel.PendingDelivery;

/**
 * What a {@link DeliveryOrder} means to the {@link OutboxDispatcher}: which of the due versions may
 * start, and what a failure holds back. One object per dispatcher (it keeps that order's state), so
 * that the dispatcher itself has no branch on the order. Touched on the dispatcher's context only.
 */
interface OrderPolicy {

    static OrderPolicy of(DeliveryOrder order) {
        return switch (order) {
            case TOTAL -> new TotalOrder();
            case PER_DOCUMENT -> new PerDocumentOrder();
        };
    }

    /**
     * Of the versions due (in sequence order), those that may start now, each under the key that
     * at most one attempt at a time may hold; a version in {@code settledDuringRead} may be shown
     * pending by a stale read.
     */
    Map<String, PendingDelivery> candidates(List<PendingDelivery> due, Set<Long> settledDuringRead);

    /** Whether nothing may start now, whatever is due. */
    boolean holding();

    /** An attempt at {@code seq} started. */
    void started(long seq);

    /** The far side answered the attempt at {@code seq} (or it timed out). */
    void answered(long seq, boolean succeeded);

    /** Every attempt started has been answered and its outcome recorded. */
    void allRecorded();

    /** Whether recording a version's outcome supersedes the older pending revisions of its document. */
    boolean supersedesOlder();
}
