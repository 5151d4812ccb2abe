package jp.bousai.relay.core.lifecycle;

import io.vertx.core.Future;

/**
 * A long-lived part of the relay (a channel's dispatcher, the WebSub hub, an expiry sweep): the
 * composition root starts each one on a context of its own and stops them in reverse order.
 * {@link #stop()} completes only when the attempts in flight have ended, so that nothing is cut
 * off half-written.
 */
public interface Lifecycle {

    /** A short name for logs, e.g. {@code outbox:mqtt}. */
    String name();

    /** Starts the part; the future fails when it cannot start (the relay then does not start). */
    Future<Void> start();

    /** Stops the part once what it has in flight has ended; never fails. */
    Future<Void> stop();
}
