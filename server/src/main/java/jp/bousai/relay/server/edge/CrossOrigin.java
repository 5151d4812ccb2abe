package jp.bousai.relay.server.edge;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.regex.Pattern;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.server.config.CorsOptions;

/**
 * CORS and WebSocket origins. The public reads (streams, feeds, {@code GET} advisories and
 * documents, the OpenAPI description) may be called from {@code http.cors.public-origins} (any by
 * default); everything else (ingest, admin, delivery receipts) only from the server's own origin
 * and {@code http.cors.authenticated-origins} (none by default): a browser request from any other
 * origin that reaches them is refused with 403, as is a WebSocket opened from an origin not allowed.
 * Answers preflights ({@code OPTIONS} with {@code Access-Control-Request-Method}) and plain
 * {@code OPTIONS} on the public reads.
 */
public final class CrossOrigin implements PlatformHandler {

    static final Pattern PUBLIC_READ = Pattern.compile(
            "/api/v1/stream|/api/v1/ws|/api/v1/advisories(/[^/]+)?|/feeds/[^/]+|/openapi\\.json");
    private static final String PUBLIC_HEADERS = "Accept, Last-Event-ID, If-None-Match, If-Modified-Since, "
            + "Cache-Control";
    private static final String AUTHENTICATED_HEADERS = "Accept, Authorization, Content-Type, SOAPAction, "
            + "If-None-Match, If-Modified-Since";
    private static final String EXPOSED = "ETag, Last-Modified, Link, Location, Retry-After";
    private static final String MAX_AGE_SECONDS = "600";

    private final CorsOptions options;

    public CrossOrigin(CorsOptions options) {
        this.options = options;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        boolean publicPath = PUBLIC_READ.matcher(request.path()).matches();
        if (request.method() == HttpMethod.OPTIONS) {
            options(ctx, origin, publicPath);
            return;
        }
        boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        if (origin == null) {
            ctx.next();
        } else if (publicPath && read) {
            if (options.allowsPublic(origin) || sameOrigin(request, origin)) {
                allow(ctx.response().headers(), origin, options.publicToAny());
            } else if (isWebSocketUpgrade(request)) {
                throw refused(request, origin, "http.cors.public-origins");
            }
            ctx.next();
        } else if (options.allowsAuthenticated(origin) || sameOrigin(request, origin)) {
            allow(ctx.response().headers(), origin, false);
            ctx.next();
        } else {
            throw refused(request, origin, "http.cors.authenticated-origins");
        }
    }

    private void options(RoutingContext ctx, String origin, boolean publicPath) {
        HttpServerRequest request = ctx.request();
        String asked = request.getHeader("Access-Control-Request-Method");
        MultiMap headers = ctx.response().headers();
        if (origin == null || asked == null) {
            if (!publicPath) {
                ctx.next();
                return;
            }
            headers.set(HttpHeaders.ALLOW, request.path().equals("/api/v1/advisories")
                    ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS");
            ctx.response().setStatusCode(204).end();
            return;
        }
        boolean read = asked.equals("GET") || asked.equals("HEAD");
        if (publicPath && read && (options.allowsPublic(origin) || sameOrigin(request, origin))) {
            allow(headers, origin, options.publicToAny());
            headers.set("Access-Control-Allow-Methods", "GET, HEAD");
            headers.set("Access-Control-Allow-Headers", PUBLIC_HEADERS);
        } else if (options.allowsAuthenticated(origin) || sameOrigin(request, origin)) {
            allow(headers, origin, false);
            headers.set("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE");
            headers.set("Access-Control-Allow-Headers", AUTHENTICATED_HEADERS);
        } else {
            throw refused(request, origin, publicPath && read ? "http.cors.public-origins"
                    : "http.cors.authenticated-origins");
        }
        headers.set("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ctx.response().setStatusCode(204).end();
    }

    private static void allow(MultiMap headers, String origin, boolean any) {
        headers.set("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) {
            headers.add(HttpHeaders.VARY, "Origin");
        }
        headers.set("Access-Control-Expose-Headers", EXPOSED);
    }

    private static ProblemException refused(HttpServerRequest request, String origin, String key) {
        String what = isWebSocketUpgrade(request) ? "a WebSocket" : "cross-origin " + describe(request);
        return new ProblemException(ProblemType.FORBIDDEN, what + " from origin '" + origin + "' is not allowed on "
                + request.path() + " (allowed origins: " + key + ")");
    }

    private static String describe(HttpServerRequest request) {
        String asked = request.getHeader("Access-Control-Request-Method");
        return (asked != null ? asked : request.method().name()) + " requests";
    }

    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        return request.authority() != null
                && origin.equalsIgnoreCase(request.scheme() + "://" + request.authority());
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }
}
