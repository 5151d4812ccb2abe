package jp.bousai.relay.core.channel;

import io.vertx.core.Future;
import jp.bousai.relay.core.log.AdvisoryRecord;

/**
 * A durable outbound channel (MQTT, media push, webhooks, web push). Every accepted version is
 * put in the channel's outbox in the same transaction as the version itself; a dispatcher hands
 * the versions to {@link #deliver} one at a time in sequence order, and retries, with backoff,
 * until the returned future succeeds. A delivery may be repeated after a failure or a restart:
 * deliveries are at least once.
 */
public interface Channel {

    /** The channel's name, as stored in the outbox and used in metrics, e.g. {@code mqtt}. */
    String name();

    Future<Void> start();

    Future<Void> stop();

    /** Delivers one version; succeeds only once the far side has acknowledged it. */
    Future<Void> deliver(AdvisoryRecord record);
}
