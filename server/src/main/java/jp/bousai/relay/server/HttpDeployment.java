package jp.bousai.relay.server;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.server.config.HttpOptions;
import jp.bousai.relay.server.http.HttpVerticle;

/** The HTTP server instances of a relay, all on one port, each with every endpoint. */
final class HttpDeployment {

    private final Vertx vertx;
    private final String deploymentId;
    private final HttpVerticle first;

    private HttpDeployment(Vertx vertx, String deploymentId, HttpVerticle first) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.first = first;
    }

    /**
     * Deploys every instance at once on the configured port. Port 0 (any free port) becomes a
     * Vert.x shared random port: a negative number that every instance of this relay binds, so
     * that they share the one port picked. It is drawn at random so that another relay in the same
     * Vert.x (as in tests) gets a port of its own.
     */
    static Future<HttpDeployment> deploy(Vertx vertx, HttpVerticle.Shared shared, List<HttpEndpoint> endpoints) {
        HttpOptions options = shared.options();
        int sharedRandomPort = -ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        HttpVerticle.Shared onPort = options.port() != 0 ? shared
                : new HttpVerticle.Shared(new HttpOptions(options.host(), sharedRandomPort, options.maxBodyBytes(),
                        options.instances(), options.acceptBacklog()), shared.edge(), shared.rateLimits(),
                        shared.connectionLimits(), shared.probe());
        List<HttpVerticle> instances = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> {
            HttpVerticle instance = new HttpVerticle(onPort, endpoints);
            instances.add(instance);
            return instance;
        }, new DeploymentOptions().setInstances(options.instances()))
                .map(id -> new HttpDeployment(vertx, id, instances.get(0)));
    }

    /** The port the instances listen on. */
    int port() {
        return first.actualPort();
    }

    /** The routes (every instance has the same). */
    List<Route> routes() {
        return first.routes();
    }

    /** Tells streams to reconnect elsewhere, stops taking requests and lets those in flight finish. */
    Future<Void> undeploy() {
        // Joined so that the future is bound to no event loop: the caller may close Vert.x at the end of
        // a chain started here, and a future bound to a closed event loop never tells its listeners.
        return Future.join(List.of(vertx.undeploy(deploymentId))).mapEmpty();
    }
}
