package jp.bousai.relay.server.edge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.server.auth.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request on the logger {@value #LOGGER} (route it with logback), as
 * {@code key=value} pairs: time, client address, the caller's configured key id (never the key),
 * method, path (never the query), status and duration. Every refusal (a 4xx: missing or wrong
 * credentials, a forbidden origin, invalid input, too many requests) is also logged at info on this
 * class's logger, with its reason.
 */
public final class AccessLog implements PlatformHandler {

    public static final String LOGGER = "bousai.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    /** Where the ingest handlers keep the authenticated issuer. */
    /** The routing-context key under which an endpoint records the {@code Issuer} that called. */
    public static final String ISSUER = "bousai.issuer";

    private final Map<String, String> idsBySha256;
    private final Clock clock;

    /** @param idsBySha256 the configured id of every API and admin key, by the key's SHA-256 */
    public AccessLog(Map<String, String> idsBySha256, Clock clock) {
        this.idsBySha256 = Map.copyOf(idsBySha256);
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        String time = clock.instant().toString();
        ctx.addEndHandler(done -> record(ctx, time, started));
        ctx.next();
    }

    private void record(RoutingContext ctx, String time, long started) {
        HttpServerRequest request = ctx.request();
        int status = ctx.response().getStatusCode();
        String client = client(request.remoteAddress());
        String caller = caller(ctx);
        if (ACCESS.isInfoEnabled()) {
            ACCESS.info("time={} client={} caller={} method={} path={} status={} duration_ms={}", time, client,
                    caller, request.method(), request.path(), status,
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6));
        }
        if (status >= 400 && status < 500) {
            LOG.info("[client: {}, caller: {}, {} {}] refused {}: {}", client, caller, request.method(),
                    request.path(), status, reason(ctx, status));
        }
    }

    /** The configured id of the key that called, {@code unknown-key} for a key not configured, or {@code -}. */
    private String caller(RoutingContext ctx) {
        if (ctx.get(ISSUER) instanceof Issuer issuer) {
            return issuer.id();
        }
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "-";
        }
        return idsBySha256.getOrDefault(ApiKeys.sha256(authorization.substring(7).trim()), "unknown-key");
    }

    private static String reason(RoutingContext ctx, int status) {
        if (ctx.failure() instanceof ProblemException problem) {
            String fields = problem.errors().stream().map(FieldError::pointer).collect(Collectors.joining(", "));
            return problem.detail() + (fields.isEmpty() ? "" : " [fields: " + fields + "]");
        }
        if (ctx.failure() != null && ctx.failure().getMessage() != null) {
            return ctx.failure().getMessage();
        }
        return status == 404 ? "no such resource" : "status " + status;
    }

    private static String client(SocketAddress address) {
        if (address == null) {
            return "-";
        }
        return address.hostAddress() != null ? address.hostAddress() : address.host();
    }
}
