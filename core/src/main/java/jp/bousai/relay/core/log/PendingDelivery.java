package jp.bousai.relay.core.log;

/** A version waiting in a channel's outbox, with the attempts made so far. */
public record PendingDelivery(AdvisoryRecord record, int attempts) {
}
