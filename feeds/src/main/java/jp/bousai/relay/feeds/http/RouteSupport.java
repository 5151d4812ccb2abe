package jp.bousai.relay.feeds.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * What one HTTP server instance offers the endpoints adding their routes to it: the handlers that
 * depend on the server's configuration or on the instance itself, so that no endpoint builds its
 * own copy of them.
 *
 * @param body reads the request body, refusing one over {@code http.max-body-bytes}
 * @param addressLimit refuses a client address over its rate limit; runs before the body is read
 * @param streamTracking remembers a long-lived stream so that it is told to reconnect elsewhere when
 *     this instance stops
 * @param problems turns a failed request into its problem, for an endpoint that answers failures
 *     in a format of its own
 */
public record RouteSupport(BodyHandler body, PlatformHandler addressLimit, Handler<RoutingContext> streamTracking,
                           ProblemAnswers problems) {
}
