package jp.bousai.relay.server.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bousai.relay.core.channel.DeliveryOrder;
import jp.bousai.relay.core.channel.PendingDelivery;

/**
 * {@link DeliveryOrder#PER_DOCUMENT}: one delivery per document at a time, several documents at
 * once; only the newest pending revision of a document is delivered, and recording its outcome
 * supersedes the older ones. A failing document holds back only itself.
 */
final class PerDocumentOrder implements OrderPolicy {

    @Override
    public Map<String, PendingDelivery> candidates(List<PendingDelivery> due, Set<Long> settledDuringRead) {
        Map<String, PendingDelivery> newestByDocument = new LinkedHashMap<>();
        for (PendingDelivery pending : due) {
            newestByDocument.put(pending.record().advisory().documentId(), pending);
        }
        return newestByDocument;
    }

    @Override
    public boolean holding() {
        return false;
    }

    @Override
    public void started(long seq) {
    }

    @Override
    public void answered(long seq, boolean succeeded) {
    }

    @Override
    public void allRecorded() {
    }

    @Override
    public boolean supersedesOlder() {
        return true;
    }
}
