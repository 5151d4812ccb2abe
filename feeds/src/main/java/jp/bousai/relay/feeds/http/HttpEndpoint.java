package jp.bousai.relay.feeds.http;

import io.vertx.ext.web.Router;

/**
 * A part of the HTTP API that adds its own routes, so that a new endpoint is one class and one
 * line in the composition root rather than an edit of the server. Every HTTP server instance (one
 * per event loop) calls {@link #addRoutes} on its own router, in the order the composition root
 * lists the endpoints; an endpoint is shared by the instances, so it keeps no per-instance state.
 */
public interface HttpEndpoint {

    /** Adds this endpoint's routes to {@code router}, using what the instance offers in {@code support}. */
    void addRoutes(Router router, RouteSupport support);
}
