package jp.bousai.relay.server.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;

/** {@code GET /metrics}: the registry in the Prometheus text format. */
public final class MetricsEndpoint implements HttpEndpoint {

    private final RelayMetrics metrics;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public MetricsEndpoint(RelayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.get("/metrics").handler(this::scrape);
    }

    public void scrape(RoutingContext ctx) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, metrics.registry().scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.response().putHeader("Content-Type", PrometheusTextFormatWriter.CONTENT_TYPE)
                .end(io.vertx.core.buffer.Buffer.buffer(out.toByteArray()));
    }
}
