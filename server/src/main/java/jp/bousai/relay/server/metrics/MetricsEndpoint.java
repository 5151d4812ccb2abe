package jp.bousai.relay.server.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code GET /metrics}: the registry in the Prometheus text format. */
public final class MetricsEndpoint {

    private final RelayMetrics metrics;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public MetricsEndpoint(RelayMetrics metrics) {
        this.metrics = metrics;
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
