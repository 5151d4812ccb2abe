package jp.bousai.relay.server.config;

import java.time.Duration;

/**
 * How the HTTP server meets the outside world: TLS, CORS, proxies, and how it stops.
 *
 * @param tls TLS and HSTS; {@link TlsOptions#OFF} for plain HTTP (e.g. behind a reverse proxy)
 * @param cors allowed web origins
 * @param trustForwardedHeaders whether {@code Forwarded} / {@code X-Forwarded-*} headers are
 *        believed (client address, scheme, host): only behind a proxy that sets them
 * @param shutdownDelay on SIGTERM, how long readiness answers 503 while requests are still served,
 *        so that load balancers stop sending new ones
 * @param shutdownGrace how long in-flight requests may take to finish once the server stops
 */
public record EdgeOptions(TlsOptions tls, CorsOptions cors, boolean trustForwardedHeaders, Duration shutdownDelay,
                          Duration shutdownGrace) {

    public static final boolean DEFAULT_TRUST_FORWARDED_HEADERS = false;
    public static final Duration DEFAULT_SHUTDOWN_DELAY = Duration.ZERO;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final EdgeOptions DEFAULTS = new EdgeOptions(TlsOptions.OFF, CorsOptions.DEFAULTS, DEFAULT_TRUST_FORWARDED_HEADERS,
            DEFAULT_SHUTDOWN_DELAY, DEFAULT_SHUTDOWN_GRACE);

    /** Reads {@code http.tls}, {@code http.cors} and the proxy and shutdown keys of {@code http}. */
    public static EdgeOptions from(ConfigSection http) {
        return new EdgeOptions(TlsOptions.from(http.section("tls")), CorsOptions.from(http.section("cors")),
                http.bool("trust-forwarded-headers", DEFAULT_TRUST_FORWARDED_HEADERS),
                http.duration("shutdown-delay", DEFAULT_SHUTDOWN_DELAY, Duration.ZERO),
                http.duration("shutdown-grace", DEFAULT_SHUTDOWN_GRACE, Duration.ZERO));
    }
}
