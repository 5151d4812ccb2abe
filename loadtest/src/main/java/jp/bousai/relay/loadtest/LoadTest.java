package jp.bousai.relay.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Drives a running bousai-relay over the network: opens SSE and WebSocket subscribers, issues
 * advisories at a set rate through the JSON API for a bounded time, and measures every delivery
 * from the issuing request to its receipt. Writes a JSON report; stops by itself.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true, version = "0.1",
        description = "Measures bousai-relay's fan-out: end-to-end latency, throughput, losses and duplicates.")
public final class LoadTest implements Callable<Integer> {

    /** Subscribers are opened this many at a time, as a well-behaved client fleet would. */
    static final int BATCH = 500;

    @Option(names = "--host", description = "The server's host (loopback only). Default: ${DEFAULT-VALUE}")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "The server's HTTP port. Default: ${DEFAULT-VALUE}")
    int port = 8080;

    @Option(names = "--api-key", description = "The API key to issue with. Default: ${DEFAULT-VALUE}")
    String apiKey = "demo-chiyoda";

    @Option(names = "--sse", description = "SSE subscribers. Default: ${DEFAULT-VALUE}")
    int sse = 1000;

    @Option(names = "--ws", description = "WebSocket subscribers. Default: ${DEFAULT-VALUE}")
    int ws = 1000;

    @Option(names = "--rate", description = "Advisories issued per second. Default: ${DEFAULT-VALUE}")
    double rate = 20;

    @Option(names = "--duration", description = "Seconds to issue for (at most 600). Default: ${DEFAULT-VALUE}")
    int duration = 30;

    @Option(names = "--warmup", description = "Seconds to issue first without recording latency (JIT and caches "
            + "warm up). Default: ${DEFAULT-VALUE}")
    int warmup = 5;

    @Option(names = "--drain", description = "Seconds to wait for the last deliveries after issuing. Default: ${DEFAULT-VALUE}")
    int drain = 10;

    @Option(names = "--report", description = "Where to write the JSON report. Default: ${DEFAULT-VALUE}")
    Path report = Path.of("loadtest-report.json");

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadTest()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!host.startsWith("127.") && !host.equals("localhost") && !host.equals("::1")) {
            System.err.println("--host must be a loopback address: load is only ever generated on this machine");
            return 2;
        }
        int warmupCount = (int) Math.round(rate * Math.min(warmup, 600));
        int total = (int) Math.min(Math.round(rate * Math.min(duration, 600)) + warmupCount, 1_000_000);
        Vertx vertx = Vertx.vertx();
        HttpClient http = vertx.createHttpClient(new HttpClientOptions(),
                new PoolOptions().setHttp1MaxSize(Math.max(sse, 16) + 64));
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Issuer issuer = new Issuer(vertx, http, host, port, apiKey, run, total);
        Deliveries sseDeliveries = new Deliveries("sse", issuer, warmupCount);
        Deliveries wsDeliveries = new Deliveries("ws", issuer, warmupCount);
        try {
            double heapBefore = ServerMetrics.heapUsedBytes(http, host, port).await(30, TimeUnit.SECONDS);
            for (int opened = 0; opened < Math.max(sse, ws); opened += BATCH) {
                Future.all(Subscribers.sse(vertx, http, host, port, opened, Math.min(sse, opened + BATCH), sseDeliveries),
                        Subscribers.webSockets(vertx, host, port, opened, Math.min(ws, opened + BATCH), wsDeliveries))
                        .await(120, TimeUnit.SECONDS);
            }
            double heapWithSubscribers = ServerMetrics.heapUsedBytes(http, host, port).await(30, TimeUnit.SECONDS);
            System.out.printf("%d SSE and %d WebSocket subscribers open; issuing %d advisories at %.1f/s, the first %d"
                    + " to warm up%n", sse, ws, total, rate, warmupCount);
            long started = System.nanoTime();
            long progress = vertx.setPeriodic(5_000, id -> System.out.printf("  %4.0f s: issued %d, delivered SSE %d,"
                    + " WS %d%n", (System.nanoTime() - started) / 1e9, issuer.accepted().size(),
                    sseDeliveries.delivered(), wsDeliveries.delivered()));
            Promise<Void> issued = Promise.promise();
            issuer.issue(total, rate, issued::complete);
            issued.future().await(warmup + duration + 120L, TimeUnit.SECONDS);
            double issueSeconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(drain * 1000L); // a bounded wait for deliveries still in flight, not a test's wait
            vertx.cancelTimer(progress);
            JsonObject result = report(issuer, total, issueSeconds, heapBefore, heapWithSubscribers,
                    List.of(sseDeliveries, wsDeliveries));
            Files.writeString(report, result.encodePrettily());
            System.out.println(result.encodePrettily());
            return 0;
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private JsonObject report(Issuer issuer, int total, double seconds, double heapBefore, double heapWithSubscribers,
                              List<Deliveries> channels) {
        JsonArray perChannel = new JsonArray();
        for (Deliveries deliveries : channels) {
            int subscribers = deliveries.channel().equals("sse") ? sse : ws;
            Histogram histogram = deliveries.latency().getIntervalHistogram();
            perChannel.add(new JsonObject().put("channel", deliveries.channel()).put("subscribers", subscribers)
                    .put("delivered", deliveries.delivered())
                    .put("deliveriesPerSecond", Math.round(deliveries.delivered() / seconds))
                    .put("losses", deliveries.losses(subscribers, issuer.accepted()))
                    .put("duplicates", deliveries.duplicates())
                    .put("latencyMs", new JsonObject()
                            .put("p50", millis(histogram, 50)).put("p90", millis(histogram, 90))
                            .put("p99", millis(histogram, 99)).put("p99.9", millis(histogram, 99.9))
                            .put("max", histogram.getMaxValue() / 1e6)));
        }
        int subscribers = sse + ws;
        return new JsonObject().put("issued", total).put("warmupIssued", (int) Math.round(rate * Math.min(warmup, 600))).put("accepted", issuer.accepted().size())
                .put("failed", issuer.failed()).put("seconds", Math.round(seconds * 10) / 10.0)
                .put("ratePerSecond", rate).put("channels", perChannel)
                .put("serverHeapPerSubscriberBytes", subscribers == 0 ? 0
                        : Math.round((heapWithSubscribers - heapBefore) / subscribers));
    }

    private static double millis(Histogram histogram, double percentile) {
        return Math.round(histogram.getValueAtPercentile(percentile) / 1e3) / 1e3;
    }
}
