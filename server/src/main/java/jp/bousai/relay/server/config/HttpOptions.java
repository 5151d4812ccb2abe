package jp.bousai.relay.server.config;

/**
 * Options of the HTTP server.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param instances event loops serving HTTP (one verticle instance each)
 */
public record HttpOptions(String host, int port, int maxBodyBytes, int instances) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
    public static final int DEFAULT_INSTANCES = Runtime.getRuntime().availableProcessors();
}
