package jp.bousai.relay.core.channel;

import io.vertx.core.Future;
import java.time.Duration;
import jp.bousai.relay.core.log.AdvisoryRecord;

/**
 * A durable outbound channel (MQTT, media receivers, web push). Every accepted version routed to
 * the channel is put in its outbox in the same transaction as the version itself; a dispatcher
 * hands the versions to {@link #deliver} in the channel's {@link #order()}, at most
 * {@link #maxInFlight()} at a time, and retries, with backoff, until the returned future
 * succeeds. A delivery may be repeated after a failure or a restart: deliveries are at least once.
 */
public interface Channel {

    /** The channel's name, as stored in the outbox and used in metrics, e.g. {@code mqtt}. */
    String name();

    Future<Void> start();

    Future<Void> stop();

    /** How versions must be ordered; {@link DeliveryOrder#TOTAL} by default. */
    default DeliveryOrder order() {
        return DeliveryOrder.TOTAL;
    }

    /**
     * How many deliveries may be in flight at once. For {@link DeliveryOrder#TOTAL} more than one
     * only if the far side keeps the order it is given them in (one MQTT connection does).
     */
    default int maxInFlight() {
        return 1;
    }

    /** How long an attempt may take before it counts as failed. */
    default Duration timeout() {
        return Duration.ofSeconds(10);
    }

    /** Delivers one version; succeeds only once the far side has acknowledged it. */
    Future<Void> deliver(AdvisoryRecord record);
}
