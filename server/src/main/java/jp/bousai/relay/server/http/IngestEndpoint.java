package jp.bousai.relay.server.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.PlatformHandler;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;

/**
 * Where one inbound format is taken over HTTP: {@code POST path}, handled by the format's
 * {@link IngestHandler}. An inbound format is one of these in the composition root.
 */
public final class IngestEndpoint implements HttpEndpoint {

    private final String path;
    private final IngestHandler handler;

    public IngestEndpoint(String path, IngestHandler handler) {
        this.path = path;
        this.handler = handler;
    }

    /**
     * The address's rate limit and the credential and content-type check are platform handlers so
     * that they run before the body is read: a request that will be refused anyway is not read.
     * Failures are answered in the format's own way when the sender asks for it.
     */
    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.post(path)
                .handler(support.addressLimit())
                .handler((PlatformHandler) handler::checkRequest)
                .handler(support.body())
                .handler(handler::ingest)
                .failureHandler(ctx -> handler.answerFailure(ctx, support.problems()));
    }
}
