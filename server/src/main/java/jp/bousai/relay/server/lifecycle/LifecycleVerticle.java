package jp.bousai.relay.server.lifecycle;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import jp.bousai.relay.core.lifecycle.Lifecycle;
import jp.bousai.relay.server.internals.VertxInternals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Lifecycle} as a verticle, so that its start and stop, its timers and the answers
 * to what it asks run on a context of its own (one event loop), never on a borrowed one. Undeploying
 * calls the part's {@link Lifecycle#stop()} and completes when it has: the attempts in flight have
 * ended. The deployment is a top-level one, not a child of whichever verticle asked for it (as an
 * admin request adding a receiver would make it), so that it lives until it is stopped itself.
 */
public final class LifecycleVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleVerticle.class);

    private final Lifecycle part;

    private LifecycleVerticle(Lifecycle part) {
        this.part = part;
    }

    /**
     * {@code part} as a {@link Lifecycle} whose start deploys it on a context of its own and whose
     * stop undeploys it; the one way the relay starts a long-lived part.
     */
    public static Lifecycle onOwnContext(Vertx vertx, Lifecycle part) {
        return new Deployed(vertx, part);
    }

    @Override
    public Future<?> start() {
        return part.start();
    }

    @Override
    public Future<?> stop() {
        return part.stop();
    }

    /** A part deployed while started. */
    private static final class Deployed implements Lifecycle {
        private final Vertx vertx;
        private final Lifecycle part;
        private volatile String deploymentId;

        Deployed(Vertx vertx, Lifecycle part) {
            this.vertx = vertx;
            this.part = part;
        }

        @Override
        public String name() {
            return part.name();
        }

        @Override
        public Future<Void> start() {
            Promise<String> deployed = Promise.promise();
            // Vert.x makes a deployment asked for on a verticle's context a child of that verticle.
            VertxInternals.newTopLevelContext(vertx).runOnContext(v ->
                    vertx.deployVerticle(new LifecycleVerticle(part)).onComplete(deployed));
            return deployed.future().onSuccess(id -> deploymentId = id)
                    .onFailure(e -> LOG.error("[{}] could not start", part.name(), e)).mapEmpty();
        }

        @Override
        public Future<Void> stop() {
            String id = deploymentId;
            deploymentId = null;
            if (id == null || !vertx.deploymentIDs().contains(id)) {
                return Future.succeededFuture();
            }
            return vertx.undeploy(id).recover(e -> {
                LOG.warn("[{}] stopping failed", part.name(), e);
                return Future.succeededFuture();
            });
        }
    }
}
