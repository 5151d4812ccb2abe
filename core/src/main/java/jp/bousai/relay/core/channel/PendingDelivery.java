package jp.bousai.relay.core.channel;

import jp.bousai.relay.core.log.AdvisoryRecord;

/** A version waiting in a channel's outbox, with the attempts made so far. */
public record PendingDelivery(AdvisoryRecord record, int attempts) {
}
