package jp.bousai.relay.core.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.channel.Deliveries;
import jp.bousai.relay.core.log.AdvisoryLog;

/**
 * Everything the relay keeps durably, as one aggregate: the advisory log (this type is one, as
 * the log is what the rest hangs on) and the stores kept beside it. A store is picked by
 * {@code store.kind}; every part of the relay sees only these ports. Stores to come (push
 * subscriptions, accounts, audit) are added here as one more accessor returning a port of this
 * package, implemented by every store kind.
 *
 * <h2>Contract</h2>
 * What every implementation guarantees (the store contract test checks each clause):
 * <ol>
 *   <li><b>Durable acknowledgement.</b> The future of {@link #append} succeeds only after the
 *       version is committed durably: an acknowledged version survives a crash or restart, and a
 *       refused or failed one is not stored.</li>
 *   <li><b>Global, gap-free sequence.</b> Accepted versions get sequence numbers 1, 2, 3, ...
 *       across all documents, without gaps or duplicates, also under concurrent appends.</li>
 *   <li><b>Commit listeners.</b> Listeners registered with {@link #onCommitted} see every
 *       committed version exactly once, in sequence order, after its commit (a read then finds
 *       it) and before the append's future completes. They must not block.</li>
 *   <li><b>Idempotent distribution ids.</b> Appending the same distribution id with the same
 *       content again returns the first result ({@code Duplicate} with its sequence number)
 *       and stores nothing; the same id with different content is refused with a conflict.</li>
 *   <li><b>Revision rules.</b> A revision at or below the stored one is refused as stale
 *       (conflict); so is anything after a Cancel, and a change of mode or category; an issuer
 *       that may not revise the stored document is refused (forbidden).</li>
 *   <li><b>Outbox in the same transaction.</b> The rows of the durable channels a version is
 *       routed to ({@link #deliveries}) are written in the append's transaction: a version is
 *       pending for its channels exactly when it is acknowledged.</li>
 *   <li><b>Group commit.</b> Concurrent appends may be committed together; each is still judged
 *       on its own: one refused append does not fail the others committed with it.</li>
 *   <li><b>Pruning keeps what is current.</b> {@link #pruneHistory} drops old history but never
 *       a document's current version nor a version still pending for a channel; resuming from
 *       before the first retained sequence number is reported as a gap.</li>
 *   <li><b>Failure recovery.</b> A failed commit (full disk, lost connection) fails only the
 *       appends in it, leaves no gap in the sequence and does not wedge the store: once the
 *       cause is gone the next append succeeds with the next sequence number, and
 *       {@link #isOpen} reports the store down only while writes fail.</li>
 * </ol>
 * Maintenance writes (receivers, WebSub subscriptions, SOAP nonces, delivery states) are
 * durable once their future completes (for nonces: once {@link NonceStore#remember} returns).
 */
public interface RelayStore extends AdvisoryLog {

    /** The channels' outboxes and receipts. */
    Deliveries deliveries();

    /** The receivers added through the admin API. */
    ReceiverStore receivers();

    /** The WebSub hub's subscriptions. */
    WebSubStore webSub();

    /** The SOAP UsernameToken nonces of the replay window. */
    NonceStore soapNonces();

    /**
     * The sender that issued a document's first version: its owner, also after a prefecture
     * revised it; empty for an unknown document.
     */
    Future<Optional<JisCode>> ownerOf(String documentId);

    /** Appends waiting to be committed (a gauge; 0 for a store that does not queue). */
    int pendingWrites();

    /**
     * Drops the history of versions received before {@code cutoff} (clause 8), with the receipts
     * of what was delivered then.
     *
     * @return the first sequence number still retained
     */
    Future<Long> pruneHistory(Instant cutoff);

    /** Commits what is queued, then releases everything; appends after it fail. */
    @Override
    Future<Void> close();
}
