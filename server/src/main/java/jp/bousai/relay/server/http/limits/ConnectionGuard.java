package jp.bousai.relay.server.http.limits;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.config.LimitsOptions;
import jp.bousai.relay.server.internals.VertxInternals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection hygiene for one HTTP server instance (one event loop): refuses a connection past the
 * per-address cap, and closes a connection whose request headers do not arrive within the header
 * timeout, whose request body does not arrive within the body timeout, or that stays idle
 * between requests past the idle timeout. A stream (an SSE response that has not ended, or an
 * upgraded WebSocket) is never idle: it keeps its heartbeat and its connection.
 *
 * <p>It also puts a handler behind the HTTP/1.x decoder that answers a body with broken chunked
 * framing with 400 ({@link VertxInternals#refuseMalformedBodies}). What it does below
 * Vert.x's public API is in {@link VertxInternals}.
 *
 * <p>The bounds are checked by one periodic sweep per event loop rather than a timer per
 * connection, so nothing is added to a request's own handlers.
 */
public final class ConnectionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final Vertx vertx;
    private final LimitsOptions options;
    private final ConnectionCounts counts;
    private final LimitMetrics metrics;
    private final Map<HttpConnection, Watched> watched = new HashMap<>();
    private long sweepTimer = -1;

    /** One per server instance; {@code shared} is the same for every instance. */
    public ConnectionGuard(Vertx vertx, Shared shared) {
        this.vertx = vertx;
        this.options = shared.options;
        this.counts = shared.counts;
        this.metrics = shared.metrics;
    }

    /** What every instance shares: the options, the metrics and the per-address counts. */
    public static final class Shared {
        private final LimitsOptions options;
        private final LimitMetrics metrics;
        private final ConnectionCounts counts;

        public Shared(LimitsOptions options, LimitMetrics metrics) {
            this.options = options;
            this.metrics = metrics;
            this.counts = new ConnectionCounts(options.maxConnectionsPerAddress());
        }
    }

    /**
     * Sets the server's own bounds: the TLS handshake timeout, and no cleartext HTTP/2 upgrade
     * (with it, a connection has no connection object until its first bytes, out of reach of the
     * header timeout; HTTP/2 is offered over TLS).
     */
    public HttpServerOptions configure(HttpServerOptions server) {
        return server.setSslHandshakeTimeout(options.tlsHandshakeTimeout().toMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                .setHttp2ClearTextEnabled(false);
    }

    /** The server's connection handler. */
    public void onConnection(HttpConnection connection) {
        String address = addressOf(connection.remoteAddress());
        if (!counts.tryOpen(address)) {
            metrics.limitRefused("connections");
            LOG.debug("[client: {}] connection refused: {} open from this address (limits.max-connections-per-address)",
                    address, options.maxConnectionsPerAddress());
            connection.close();
            return;
        }
        VertxInternals.refuseMalformedBodies(connection);
        watched.put(connection, new Watched(System.nanoTime()));
        Runnable closed = () -> {
            counts.closed(address);
            watched.remove(connection);
        };
        // the channel's own close, on this loop: a connection upgraded to a WebSocket no longer
        // tells its HTTP close handler (the upgrade takes the HTTP handler out of the pipeline)
        if (!VertxInternals.onChannelClosed(connection, closed)) {
            connection.closeHandler(v -> closed.run());
        }
        if (sweepTimer < 0) {
            long every = Math.max(50, Math.min(options.headerTimeout().toMillis(),
                    Math.min(options.bodyTimeout().toMillis(), options.idleTimeout().toMillis())) / 4);
            sweepTimer = vertx.setPeriodic(every, id -> sweep(System.nanoTime()));
        }
    }

    /** Wraps the server's request handler: notes each request on its connection. */
    public Handler<HttpServerRequest> watch(Handler<HttpServerRequest> next) {
        return request -> {
            Watched state = watched.get(request.connection());
            if (state != null) {
                state.request = request;
                state.since = System.nanoTime();
                state.endSeenAt = 0;
                if (request.version() == HttpVersion.HTTP_2) {
                    state.exempt = true;
                }
            }
            next.handle(request);
        };
    }

    /** Stops the sweep (the server is closing). */
    public void stop() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    private void sweep(long now) {
        for (Iterator<Map.Entry<HttpConnection, Watched>> it = watched.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<HttpConnection, Watched> entry = it.next();
            String reason = entry.getValue().overdue(now, options);
            // the pipeline is looked at only for the few overdue, not for every stream on every sweep
            if (reason != null && !VertxInternals.upgradedToWebSocket(entry.getKey())) {
                it.remove();
                metrics.connectionClosed(reason);
                LOG.debug("[client: {}, reason: {}] connection closed", addressOf(entry.getKey().remoteAddress()),
                        reason);
                entry.getKey().close();
            }
        }
    }

    private static String addressOf(SocketAddress remote) {
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    /** What is known of one connection: its latest request and since when. */
    private static final class Watched {
        private HttpServerRequest request;
        private long since;
        private long endSeenAt;
        private boolean exempt;

        Watched(long since) {
            this.since = since;
        }

        /** The bound this connection has overrun, or null. */
        String overdue(long now, LimitsOptions options) {
            if (exempt) {
                return null;
            }
            if (request == null) {
                return now - since > options.headerTimeout().toNanos() ? "header-timeout" : null;
            }
            if (!request.isEnded()) {
                return now - since > options.bodyTimeout().toNanos() ? "body-timeout" : null;
            }
            if (!request.response().ended()) {
                return null;
            }
            if (endSeenAt == 0) {
                endSeenAt = now;
                return null;
            }
            return now - endSeenAt > options.idleTimeout().toNanos() ? "idle-timeout" : null;
        }
    }
}
