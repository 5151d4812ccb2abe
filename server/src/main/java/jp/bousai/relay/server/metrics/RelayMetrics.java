package jp.bousai.relay.server.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import jp.bousai.relay.feeds.live.StreamMetrics;
import jp.bousai.relay.server.http.limits.LimitMetrics;
import jp.bousai.relay.server.outbox.OutboxDispatcher;

/** Every metric the server exposes, named in one place, on its own registry. */
public final class RelayMetrics implements StreamMetrics, OutboxDispatcher.Listener, LimitMetrics {

    public static final String ACCEPTED = "bousai_advisories_accepted_total";
    public static final String DUPLICATES = "bousai_advisories_duplicate_total";
    public static final String REJECTED = "bousai_advisories_rejected_total";
    public static final String INGEST_SECONDS = "bousai_ingest_duration_seconds";
    public static final String SUBSCRIBERS = "bousai_stream_subscribers";
    public static final String CUT_OFF = "bousai_stream_cutoffs_total";
    public static final String DELIVERIES = "bousai_deliveries_total";
    public static final String PUBLISH_TO_WRITE_SECONDS = "bousai_publish_to_write_seconds";
    public static final String PENDING_WRITES = "bousai_store_pending_writes";
    public static final String DELIVERY_FAILURES = "bousai_delivery_failures_total";
    public static final String OUTBOX_PENDING = "bousai_outbox_pending";
    public static final String MQTT_CONNECTED = "bousai_mqtt_connected";
    public static final String CHANNEL_DELIVERY_SECONDS = "bousai_channel_delivery_seconds";
    public static final String LIMIT_REFUSALS = "bousai_limit_refusals_total";
    public static final String CONNECTIONS_CLOSED = "bousai_connections_closed_total";

    private static final double[] LATENCY_BUCKETS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter accepted = Counter.builder().name(ACCEPTED)
            .help("Advisory versions accepted and made durable, by inbound format")
            .labelNames("format").register(registry);
    private final Counter duplicates = Counter.builder().name(DUPLICATES)
            .help("Sends of an already accepted distribution id (answered with the first result)")
            .labelNames("format").register(registry);
    private final Counter rejected = Counter.builder().name(REJECTED)
            .help("Submissions refused, by inbound format and reason (problem type)")
            .labelNames("format", "reason").register(registry);
    private final Histogram ingestSeconds = Histogram.builder().name(INGEST_SECONDS)
            .help("From receiving a submission to its being durable")
            .labelNames("format").classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    private final Gauge subscribers = Gauge.builder().name(SUBSCRIBERS)
            .help("Open live stream subscribers").labelNames("transport").register(registry);
    private final Counter cutOffs = Counter.builder().name(CUT_OFF)
            .help("Stream subscribers cut off for falling behind").labelNames("transport").register(registry);
    private final Counter deliveries = Counter.builder().name(DELIVERIES)
            .help("Advisory versions written to a subscriber or channel").labelNames("channel").register(registry);
    private final Histogram publishToWrite = Histogram.builder().name(PUBLISH_TO_WRITE_SECONDS)
            .help("From a version being durable to its being written to a live subscriber")
            .labelNames("channel").classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);

    private final Counter deliveryFailures = Counter.builder().name(DELIVERY_FAILURES)
            .help("Failed delivery attempts to a durable channel (each is retried)").labelNames("channel")
            .register(registry);

    private final Histogram channelDelivery = Histogram.builder().name(CHANNEL_DELIVERY_SECONDS)
            .help("From a version being accepted to its acknowledgement by a durable channel (MQTT, a receiver)")
            .labelNames("channel").classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    private final Counter limitRefusals = Counter.builder().name(LIMIT_REFUSALS)
            .help("Requests and connections refused by a limit (api-key, soap-user, address, connections)")
            .labelNames("limit").register(registry);
    private final Counter connectionsClosed = Counter.builder().name(CONNECTIONS_CLOSED)
            .help("Connections closed by a bound (header-timeout, body-timeout, idle-timeout)")
            .labelNames("reason").register(registry);
    private final Map<String, LongSupplier> outboxDepths = new ConcurrentHashMap<>();
    private final Map<String, TransportSeries> byTransport = new ConcurrentHashMap<>();

    public RelayMetrics() {
        JvmMetrics.builder().register(registry);
        GaugeWithCallback.builder().name(OUTBOX_PENDING).help("Versions pending in a durable channel's outbox")
                .labelNames("channel").callback(callback -> outboxDepths.forEach((channel, depth) ->
                        callback.call(depth.getAsLong(), channel))).register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Reports the log's write queue depth when scraped. */
    public void watchPendingWrites(LongSupplier pending) {
        GaugeWithCallback.builder().name(PENDING_WRITES).help("Appends waiting for the log's writer")
                .callback(callback -> callback.call(pending.getAsLong())).register(registry);
    }

    /** Reports a channel's outbox depth when scraped, until {@link #unwatchOutbox}. */
    public void watchOutbox(String channel, LongSupplier pending) {
        outboxDepths.put(channel, pending);
    }

    public void unwatchOutbox(String channel) {
        outboxDepths.remove(channel);
    }

    /** Reports whether the MQTT broker is connected (1) or not (0) when scraped. */
    public void watchMqtt(BooleanSupplier connected) {
        GaugeWithCallback.builder().name(MQTT_CONNECTED).help("Whether the MQTT publisher is connected to its broker")
                .callback(callback -> callback.call(connected.getAsBoolean() ? 1 : 0)).register(registry);
    }

    @Override
    public void channelDelivered(String channel, long seq, Duration sinceAccepted) {
        deliveries.labelValues(channel).inc();
        channelDelivery.labelValues(channel).observe(sinceAccepted.toNanos() / 1e9);
    }

    @Override
    public void channelFailed(String channel, long seq, Throwable cause) {
        deliveryFailures.labelValues(channel).inc();
    }

    public void accepted(String format, long startNanos) {
        accepted.labelValues(format).inc();
        ingestSeconds.labelValues(format).observe((System.nanoTime() - startNanos) / 1e9);
    }

    public void duplicate(String format) {
        duplicates.labelValues(format).inc();
    }

    public void rejected(String format, String reason) {
        rejected.labelValues(format, reason).inc();
    }

    @Override
    public void subscriberOpened(String transport) {
        subscribers.labelValues(transport).inc();
    }

    @Override
    public void subscriberClosed(String transport) {
        subscribers.labelValues(transport).dec();
    }

    @Override
    public void delivered(String transport, long commitToWriteNanos) {
        TransportSeries series = byTransport.computeIfAbsent(transport, t ->
                new TransportSeries(deliveries.labelValues(t), publishToWrite.labelValues(t)));
        series.deliveries().inc();
        series.publishToWrite().observe(commitToWriteNanos / 1e9);
    }

    /** A transport's labelled series, looked up once: {@link #delivered} runs for every subscriber of every event. */
    private record TransportSeries(CounterDataPoint deliveries, DistributionDataPoint publishToWrite) {
    }

    @Override
    public void cutOff(String transport) {
        cutOffs.labelValues(transport).inc();
    }

    @Override
    public void limitRefused(String limit) {
        limitRefusals.labelValues(limit).inc();
    }

    @Override
    public void connectionClosed(String reason) {
        connectionsClosed.labelValues(reason).inc();
    }
}
