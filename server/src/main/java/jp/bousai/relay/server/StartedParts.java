package jp.bousai.relay.server;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.core.lifecycle.Lifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-lived parts of a running relay: started one after the other in the order listed (a part
 * may rely on those before it, e.g. a dispatcher on its channel) and stopped in the reverse order.
 * When one fails to start, those already started are stopped again and the start fails.
 */
final class StartedParts {

    private static final Logger LOG = LoggerFactory.getLogger(StartedParts.class);

    private final List<Lifecycle> started = new ArrayList<>();

    private StartedParts() {
    }

    static Future<StartedParts> start(List<Lifecycle> parts) {
        StartedParts running = new StartedParts();
        Future<Void> chain = Future.succeededFuture();
        for (Lifecycle part : parts) {
            chain = chain.compose(v -> part.start()
                    .onSuccess(done -> running.started.add(part))
                    .onFailure(e -> LOG.error("[part: {}] failed to start", part.name(), e)));
        }
        return chain.map(running)
                .recover(e -> running.stop().transform(v -> Future.failedFuture(e)));
    }

    /** Stops every started part, last first, each once the one after it has stopped; never fails. */
    Future<Void> stop() {
        Future<Void> chain = Future.succeededFuture();
        for (int i = started.size() - 1; i >= 0; i--) {
            Lifecycle part = started.get(i);
            chain = chain.transform(v -> part.stop()
                    .onFailure(e -> LOG.warn("[part: {}] did not stop cleanly", part.name(), e))
                    .otherwiseEmpty());
        }
        started.clear();
        return chain;
    }
}
