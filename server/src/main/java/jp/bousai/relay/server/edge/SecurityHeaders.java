package jp.bousai.relay.server.edge;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import jp.bousai.relay.server.config.TlsOptions;

/**
 * Puts the security headers on every answer, errors and 404s included, just before its head is
 * written: no MIME sniffing, a Content-Security-Policy that lets pages load only their own
 * resources and not be framed, no referrer, HSTS when TLS is on, and {@code no-store} on
 * everything that carries credentials or changes state.
 */
public final class SecurityHeaders implements PlatformHandler {

    /** For the server-rendered pages to come: only this origin's own scripts, styles and data. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final String hsts;

    public SecurityHeaders(TlsOptions tls) {
        this.hsts = tls.enabled() ? tls.hstsHeader() : null;
    }

    @Override
    public void handle(RoutingContext ctx) {
        boolean sensitive = sensitive(ctx.request());
        MultiMap headers = ctx.response().headers();
        ctx.addHeadersEndHandler(v -> {
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            if (hsts != null) {
                headers.set("Strict-Transport-Security", hsts);
            }
            if (sensitive) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        ctx.next();
    }

    /** Answers no cache may keep: authenticated ones, admin ones, and answers to writes. */
    static boolean sensitive(HttpServerRequest request) {
        HttpMethod method = request.method();
        String path = request.path();
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS)
                || path.startsWith("/api/v1/admin") || path.endsWith("/deliveries");
    }
}
