package jp.bousai.relay.server;

import io.vertx.core.Future;
import java.util.function.Supplier;
import jp.bousai.relay.core.lifecycle.Lifecycle;

/**
 * A part that does not implement {@link Lifecycle} yet, seen as one: its start and stop as
 * futures. Temporary: it goes once each part implements the interface itself.
 */
record AdaptedLifecycle(String name, Supplier<Future<Void>> starting, Supplier<Future<Void>> stopping)
        implements Lifecycle {

    /** A part whose start and stop only schedule their work and return nothing. */
    static Lifecycle ofActions(String name, Runnable start, Runnable stop) {
        return new AdaptedLifecycle(name, () -> {
            start.run();
            return Future.succeededFuture();
        }, () -> {
            stop.run();
            return Future.succeededFuture();
        });
    }

    @Override
    public Future<Void> start() {
        return starting.get();
    }

    @Override
    public Future<Void> stop() {
        return stopping.get();
    }
}
