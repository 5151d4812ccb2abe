package jp.bousai.relay.server.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bousai.relay.core.channel.DeliveryOrder;
import jp.bousai.relay.core.channel.PendingDelivery;

/**
 * {@link DeliveryOrder#TOTAL}: versions start in sequence order, pipelined; a failure holds
 * everything back until every attempt under way is answered and recorded, and then the lowest
 * failed version goes first again (after its backoff). A later version answered before the failure
 * stays delivered.
 */
final class TotalOrder implements OrderPolicy {

    /** The highest sequence number started; later ones wait their turn. */
    private long highestStarted;
    /** An attempt failed: nothing starts until every attempt under way is answered and recorded. */
    private boolean holdUntilRecorded;
    private long lowestFailed = Long.MAX_VALUE;

    @Override
    public Map<String, PendingDelivery> candidates(List<PendingDelivery> due, Set<Long> settledDuringRead) {
        Map<String, PendingDelivery> next = new LinkedHashMap<>();
        for (PendingDelivery pending : due) {
            long seq = pending.record().seq();
            if (seq > highestStarted) {
                // The next ones in order, stopping at one this read may show stale.
                if (settledDuringRead.contains(seq)) {
                    break;
                }
                next.put(Long.toString(seq), pending);
            }
        }
        return next;
    }

    @Override
    public boolean holding() {
        return holdUntilRecorded;
    }

    @Override
    public void started(long seq) {
        highestStarted = Math.max(highestStarted, seq);
    }

    @Override
    public void answered(long seq, boolean succeeded) {
        if (!succeeded) {
            holdUntilRecorded = true;
            lowestFailed = Math.min(lowestFailed, seq);
        }
    }

    @Override
    public void allRecorded() {
        if (holdUntilRecorded) {
            // Go on from the lowest that failed.
            highestStarted = lowestFailed - 1;
            lowestFailed = Long.MAX_VALUE;
            holdUntilRecorded = false;
        }
    }

    @Override
    public boolean supersedesOlder() {
        return false;
    }
}
