package jp.bousai.relay.server.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.List;
import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.feeds.http.FeedEndpoints;
import jp.bousai.relay.feeds.websub.WebSubHub;
import jp.bousai.relay.server.receivers.DeliveriesEndpoint;
import jp.bousai.relay.server.receivers.ReceiversEndpoint;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.sse.SseEndpoint;
import jp.bousai.relay.feeds.ws.WsEndpoint;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.config.HttpOptions;
import jp.bousai.relay.server.edge.ClosingStreams;
import jp.bousai.relay.server.edge.Edge;
import jp.bousai.relay.server.contracts.ContractEndpoints;
import jp.bousai.relay.server.health.EventLoopProbe;
import jp.bousai.relay.server.health.HealthEndpoints;
import jp.bousai.relay.server.http.limits.ConnectionGuard;
import jp.bousai.relay.server.http.limits.RateLimits;
import jp.bousai.relay.server.metrics.MetricsEndpoint;

/** One HTTP server instance on its own event loop; several share the port. */
public final class HttpVerticle extends VerticleBase {

    /** What the routes call; shared by every instance. */
    public record Routes(IngestHandler jsonIngest, IngestHandler capIngest, CommonsSoapEndpoint commons,
                         FeedEndpoints feeds, SseEndpoint stream, WsEndpoint webSocket, MetricsEndpoint metrics,
                         HealthEndpoints health, EventLoopProbe probe, ReceiversEndpoint receivers,
                         DeliveriesEndpoint deliveries, WebSubHub webSub, RateLimits rateLimits,
                         ConnectionGuard.Shared connectionLimits) {
    }

    private final HttpOptions options;
    private final Routes routes;
    private final Edge edge;
    private final ClosingStreams closingStreams = new ClosingStreams();
    private HttpServer server;
    private ConnectionGuard guard;
    private Router router;
    private long probeTimer;

    public HttpVerticle(HttpOptions options, Routes routes, Edge edge) {
        this.options = options;
        this.routes = routes;
        this.edge = edge;
    }

    @Override
    public Future<?> start() {
        router = Router.router(vertx);
        edge.install(router);
        ProblemResponses problems = new ProblemResponses(options.maxBodyBytes());
        BodyHandler body = BodyHandler.create(false).setBodyLimit(options.maxBodyBytes());
        // The credential and content-type check is a platform handler so that it may run before
        // the body is read: a request that will be refused anyway is not read.
        router.post("/api/v1/advisories")
                .handler((PlatformHandler) routes.rateLimits()::checkAddress)
                .handler((PlatformHandler) routes.jsonIngest()::checkRequest)
                .handler(body)
                .handler(routes.jsonIngest()::ingest);
        router.post("/api/v1/cap")
                .handler((PlatformHandler) routes.rateLimits()::checkAddress)
                .handler((PlatformHandler) routes.capIngest()::checkRequest)
                .handler(body)
                .handler(routes.capIngest()::ingest)
                .failureHandler(ctx -> routes.capIngest().answerFailure(ctx, problems));
        router.post("/soap/commons")
                .handler((PlatformHandler) routes.commons()::checkRequest)
                .handler(body)
                .handler(routes.commons()::publish);
        router.get("/api/v1/advisories").handler(routes.feeds()::listJson);
        router.head("/api/v1/advisories").handler(routes.feeds()::listJson);
        router.get("/api/v1/advisories/:documentId").handler(routes.feeds()::document);
        router.head("/api/v1/advisories/:documentId").handler(routes.feeds()::document);
        router.get("/api/v1/advisories/:documentId/deliveries").handler(routes.deliveries()::show);
        router.route("/api/v1/admin/*").handler((PlatformHandler) routes.receivers()::checkAdmin);
        router.get("/api/v1/admin/receivers").handler(routes.receivers()::list);
        router.post("/api/v1/admin/receivers").handler(body).handler(routes.receivers()::create);
        router.get("/api/v1/admin/receivers/:id").handler(routes.receivers()::show);
        router.put("/api/v1/admin/receivers/:id").handler(body).handler(routes.receivers()::replace);
        router.delete("/api/v1/admin/receivers/:id").handler(routes.receivers()::remove);
        router.get("/api/v1/stream").handler(closingStreams::track).handler(routes.stream());
        router.get("/api/v1/ws").handler(routes.webSocket());
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
            router.route(method, "/feeds/atom").handler(routes.feeds().atom(OutboundFormat.JSON));
            router.route(method, "/feeds/cap.atom").handler(routes.feeds().atom(OutboundFormat.CAP));
            router.route(method, "/feeds/commons.atom").handler(routes.feeds().atom(OutboundFormat.COMMONS));
        }
        router.post(FeedEndpoints.HUB_PATH).handler(body).handler(routes.webSub()::handle);
        router.get("/metrics").handler(routes.metrics()::scrape);
        router.get("/health/live").handler(routes.health()::live);
        router.get("/health/ready").handler(routes.health()::ready);
        ContractEndpoints.mount(router);
        router.route().last().handler(ctx -> ctx.fail(new ProblemException(ProblemType.NOT_FOUND,
                "no such resource: " + ctx.request().method() + " " + ctx.request().path())));
        router.route().failureHandler(problems);
        router.errorHandler(405, problems);
        router.errorHandler(404, problems);
        probeTimer = routes.probe().watch(vertx);
        guard = new ConnectionGuard(vertx, routes.connectionLimits());
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
        routes.probe().unwatch(context);
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
