package jp.bousai.relay.core.log;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * The durable log of accepted versions, with the current state of every document: the heart of
 * the store port {@link jp.bousai.relay.core.store.RelayStore}, whose contract spells out what
 * every implementation guarantees.
 *
 * <p>Every accepted version gets a global, gap-free sequence number. A future returned by
 * {@link #append} completes only once the version is on disk. Listeners registered with
 * {@link #onCommitted} see every committed version exactly once, in sequence order, and before
 * the append's future completes: once a sender is acknowledged, fan-out already has the version.
 */
public interface AdvisoryLog {

    /**
     * Appends a version. Fails with a conflict problem when its revision is at or below the
     * stored one, when its distribution id was used for different content or when its document
     * was cancelled; fails with a forbidden problem when the issuer may not revise the stored
     * document; fails with an overloaded problem when the write queue is full.
     */
    Future<AppendOutcome> append(Submission submission);

    /** A page of the published documents (active or lifted at {@code now}) matching {@code filter}. */
    Future<CurrentView> current(AdvisoryFilter filter, Instant now, Page page);

    /** A document's latest version, whatever its state. */
    Future<Optional<CurrentAdvisory>> document(String documentId, Instant now);

    /** Up to {@code limit} versions after {@code afterSeq} matching {@code filter}, in order. */
    Future<Replay> after(long afterSeq, AdvisoryFilter filter, int limit);

    /** Documents whose validity ended in {@code (from, to]} (not cancelled), oldest first. */
    Future<java.util.List<CurrentAdvisory>> expiredBetween(Instant from, Instant to);

    /** Registers a listener for committed versions; called in sequence order, off the event loop. */
    void onCommitted(Hub listener);

    /** Whether the log is open and accepting reads and writes. */
    boolean isOpen();

    Future<Void> close();
}
