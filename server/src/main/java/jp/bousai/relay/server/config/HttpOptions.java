package jp.bousai.relay.server.config;

/**
 * Options of the HTTP server.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param instances event loops serving HTTP (one verticle instance each)
 * @param acceptBacklog connections the kernel may queue before they are accepted (capped by
 *        net.core.somaxconn): thousands of subscribers reconnect at once after an outage
 */
public record HttpOptions(String host, int port, int maxBodyBytes, int instances, int acceptBacklog) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
    public static final int DEFAULT_INSTANCES = Runtime.getRuntime().availableProcessors();
    public static final int DEFAULT_ACCEPT_BACKLOG = 4096;

    /** Reads the {@code http} section's own keys (TLS, CORS and shutdown are {@link EdgeOptions}'). */
    public static HttpOptions from(ConfigSection http) {
        return new HttpOptions(
                http.string("host", DEFAULT_HOST),
                http.integer("port", DEFAULT_PORT, 0, 65_535),
                http.integer("max-body-bytes", DEFAULT_MAX_BODY_BYTES, 1024, 64 * 1024 * 1024),
                http.integer("instances", DEFAULT_INSTANCES, 1, 64),
                http.integer("accept-backlog", DEFAULT_ACCEPT_BACKLOG, 16, 65_535));
    }
}
