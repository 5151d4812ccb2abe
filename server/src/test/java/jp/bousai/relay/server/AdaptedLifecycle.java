package jp.bousai.relay.server;

import io.vertx.core.Future;
import java.util.function.Supplier;
import jp.bousai.relay.core.lifecycle.Lifecycle;

/**
 * A test part: its start and stop as suppliers of futures.
 */
record AdaptedLifecycle(String name, Supplier<Future<Void>> starting, Supplier<Future<Void>> stopping)
        implements Lifecycle {

    @Override
    public Future<Void> start() {
        return starting.get();
    }

    @Override
    public Future<Void> stop() {
        return stopping.get();
    }
}
