package jp.bousai.relay.server.edge;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import jp.bousai.relay.server.config.AdminKeyConfig;
import jp.bousai.relay.server.config.ApiKeyConfig;
import jp.bousai.relay.server.config.EdgeOptions;
import jp.bousai.relay.server.config.RelayConfig;

/**
 * What every HTTP server instance puts in front of its routes, and how it listens; shared by the
 * instances.
 */
public final class Edge {

    private final EdgeOptions options;
    private final AccessLog accessLog;
    private final SecurityHeaders securityHeaders;
    private final CrossOrigin crossOrigin;

    public Edge(RelayConfig config, Clock clock) {
        this.options = config.edge();
        Map<String, String> ids = new HashMap<>();
        config.apiKeys().forEach((ApiKeyConfig key) -> ids.put(key.sha256(), key.id()));
        config.adminKeys().forEach((AdminKeyConfig key) -> ids.put(key.sha256(), "admin:" + key.id()));
        this.accessLog = new AccessLog(ids, clock);
        this.securityHeaders = new SecurityHeaders(options.tls());
        this.crossOrigin = new CrossOrigin(options.cors());
    }

    public EdgeOptions options() {
        return options;
    }

    /** The first handlers of a router: forwarded headers (if trusted), access log, headers, CORS. */
    public void install(Router router) {
        router.allowForward(options.trustForwardedHeaders() ? AllowForwardHeaders.ALL : AllowForwardHeaders.NONE);
        router.route().handler(accessLog).handler(securityHeaders).handler(crossOrigin);
    }

    /** TLS from the PEM files, with HTTP/2 offered through ALPN; nothing when TLS is off. */
    public HttpServerOptions listen(HttpServerOptions server) {
        if (options.tls().enabled()) {
            server.setSsl(true).setUseAlpn(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(options.tls().certFile().toString())
                    .setKeyPath(options.tls().keyFile().toString()));
        }
        return server;
    }
}
