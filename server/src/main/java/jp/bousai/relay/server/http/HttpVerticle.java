package jp.bousai.relay.server.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;
import jp.bousai.relay.server.config.HttpOptions;
import jp.bousai.relay.server.edge.ClosingStreams;
import jp.bousai.relay.server.edge.Edge;
import jp.bousai.relay.server.health.EventLoopProbe;
import jp.bousai.relay.server.http.limits.ConnectionGuard;
import jp.bousai.relay.server.http.limits.RateLimits;

/**
 * One HTTP server instance on its own event loop; several share the port. It holds the edge (in
 * front of every route), asks each endpoint to add its routes, in order, and ends with the
 * answers for no route, a wrong method and failures; the endpoints themselves are shared.
 */
public final class HttpVerticle extends VerticleBase {

    /** What every instance shares besides the endpoints. */
    public record Shared(HttpOptions options, Edge edge, RateLimits rateLimits,
                         ConnectionGuard.Shared connectionLimits, EventLoopProbe probe) {
    }

    private final Shared shared;
    private final HttpOptions options;
    private final Edge edge;
    private final List<HttpEndpoint> endpoints;
    private final ClosingStreams closingStreams = new ClosingStreams();
    private HttpServer server;
    private ConnectionGuard guard;
    private Router router;
    private long probeTimer;

    public HttpVerticle(Shared shared, List<HttpEndpoint> endpoints) {
        this.shared = shared;
        this.options = shared.options();
        this.edge = shared.edge();
        this.endpoints = List.copyOf(endpoints);
    }

    @Override
    public Future<?> start() {
        router = Router.router(vertx);
        edge.install(router);
        ProblemResponses problems = new ProblemResponses(options.maxBodyBytes());
        RouteSupport support = new RouteSupport(BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()),
                shared.rateLimits()::checkAddress, closingStreams::track, problems);
        endpoints.forEach(endpoint -> endpoint.addRoutes(router, support));
        router.route().last().handler(ctx -> ctx.fail(new ProblemException(ProblemType.NOT_FOUND,
                "no such resource: " + ctx.request().method() + " " + ctx.request().path())));
        router.route().failureHandler(problems);
        router.errorHandler(405, problems);
        router.errorHandler(404, problems);
        probeTimer = shared.probe().watch(vertx);
        guard = new ConnectionGuard(vertx, shared.connectionLimits());
        server = vertx.createHttpServer(guard.configure(edge.listen(new HttpServerOptions()))
                .setHost(options.host())
                .setPort(options.port())
                .setAcceptBacklog(options.acceptBacklog())
                .setIdleTimeout(0)
                // Not Vert.x's experimental strict thread mode, though it would save each open stream
                // 6.5 KB of heap (its cross-thread write queue): with it, a response written after an
                // admin API store write intermittently never arrived (the receiver tests hung).
                // No per-message deflate: it would compress each event once per socket, with a
                // compressor of its own (hundreds of KB of native memory) for every WebSocket.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false));
        return server.connectionHandler(guard::onConnection).requestHandler(guard.watch(router)).listen();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(probeTimer);
        if (guard != null) {
            guard.stop();
        }
        shared.probe().unwatch(context);
        closingStreams.closeAll();
        return server == null ? Future.succeededFuture()
                : server.shutdown(edge.options().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The routes this instance answers (after start), e.g. to check them against the OpenAPI description. */
    public List<Route> routes() {
        return router.getRoutes();
    }

    /** The port this instance listens on (after start). */
    public int actualPort() {
        return server.actualPort();
    }
}
