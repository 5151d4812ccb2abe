package jp.bousai.relay.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.core.advisory.WireNamed;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Drives a running bousai-relay, or a peer (nginx + nchan, mosquitto), over loopback only: opens
 * SSE, WebSocket and MQTT subscribers following real municipalities (Zipf) or whole prefectures
 * or the country, issues advisories at a set rate for a bounded time, and measures every
 * delivery from sending to receipt. Writes a JSON report and two PNG plots; stops by itself.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true, version = "0.2", sortOptions = false,
        description = {"Measures fan-out: end-to-end latency per channel (HdrHistogram), deliveries per second, "
                + "losses and duplicates, the time from sending an advisory to its last delivery, and the server's "
                + "heap per subscriber.",
            "Subscribers: 90 % follow one municipality (Zipf over 100 real ones), 8 % a prefecture, 2 % the "
                + "country; each advisory is for one municipality drawn the same way.",
            "Peers: set them up with loadtest/peers/setup.sh, then run the same command with --target nchan "
                + "(SSE) or --target mosquitto (MQTT)."})
public final class LoadTest implements Callable<Integer> {

    /** Subscribers are opened this many at a time, as a well-behaved client fleet would. */
    static final int BATCH = 500;

    @Option(names = "--target", description = "relay, nchan or mosquitto. Default: ${DEFAULT-VALUE}")
    String target = "relay";

    @Option(names = "--host", description = "The target's host (loopback only). Default: ${DEFAULT-VALUE}")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "The HTTP port (the relay's, or nchan's). Default: ${DEFAULT-VALUE}")
    int port = 8080;

    @Option(names = "--mqtt-port", description = "The MQTT port (the relay's broker, or mosquitto). "
            + "Default: ${DEFAULT-VALUE}")
    int mqttPort = 1883;

    @Option(names = "--api-key", description = "The API key to issue with (loadtest/relay-loadtest.yaml defines it). "
            + "Default: ${DEFAULT-VALUE}")
    String apiKey = "loadtest-key";

    @Option(names = "--sse", description = "SSE subscribers. Default: ${DEFAULT-VALUE}")
    int sse = 1000;

    @Option(names = "--ws", description = "WebSocket subscribers (relay only). Default: ${DEFAULT-VALUE}")
    int ws = 1000;

    @Option(names = "--mqtt", description = "MQTT subscribers (relay or mosquitto). Default: ${DEFAULT-VALUE}")
    int mqtt = 0;

    @Option(names = "--mqtt-qos", description = "The MQTT subscribers' QoS, 0 or 1 (1: the broker keeps a queue "
            + "per subscriber). Default: ${DEFAULT-VALUE}")
    int mqttQos = 1;

    @Option(names = "--everyone", description = "Every subscriber follows the whole country (for the time to "
            + "reach all of them). Default: ${DEFAULT-VALUE}")
    boolean everyone;

    @Option(names = "--rate", description = "Advisories issued per second. Default: ${DEFAULT-VALUE}")
    double rate = 20;

    @Option(names = "--duration", description = "Seconds to issue for (at most 600). Default: ${DEFAULT-VALUE}")
    int duration = 30;

    @Option(names = "--warmup", description = "Seconds to issue first without recording latency (JIT and caches "
            + "warm up). Default: ${DEFAULT-VALUE}")
    int warmup = 5;

    @Option(names = "--drain", description = "Seconds to wait for the last deliveries after issuing (at most 120). "
            + "Default: ${DEFAULT-VALUE}")
    int drain = 10;

    @Option(names = "--source-addresses", description = "Spread connections over 127.0.0.1 … 127.0.0.N "
            + "(each has ~28k ephemeral ports). Default: ${DEFAULT-VALUE}")
    int sourceAddresses = 1;

    @Option(names = "--loops", description = "The generator's event loops; subscribers are spread over them. "
            + "Default: the number of cores (${DEFAULT-VALUE})")
    int loops = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", description = "Seed of the areas drawn. Default: ${DEFAULT-VALUE}")
    long seed = 2026;

    @Option(names = "--flood-connections", description = "Besides the issuer, flood the relay with another key over "
            + "this many connections, each posting again as soon as it is answered. Default: ${DEFAULT-VALUE}")
    int floodConnections;

    @Option(names = "--flood-key", description = "The flooding sender's API key (loadtest/relay-loadtest.yaml defines "
            + "it). Default: ${DEFAULT-VALUE}")
    String floodKey = "loadtest-flood-key";

    @Option(names = "--flood-source", description = "The flooding sender's source address (another client than the "
            + "issuer's 127.0.0.1). Default: ${DEFAULT-VALUE}")
    String floodSource = "127.0.0.2";

    @Option(names = "--report", description = "The JSON report; the plots go beside it (-over-time.png, "
            + "-distribution.png). Default: ${DEFAULT-VALUE}")
    Path report = Path.of("loadtest-report.json");

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new LoadTest()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!host.startsWith("127.") && !host.equals("localhost") && !host.equals("::1")) {
            System.err.println("--host must be a loopback address: load is only ever generated on this machine");
            return 2;
        }
        Target kind = WireNamed.find(Target.class, target).orElse(null);
        if (loops < 1 || loops > 64) {
            System.err.println("--loops is from 1 to 64");
            return 2;
        }
        if (mqttQos != 0 && mqttQos != 1) {
            System.err.println("--mqtt-qos is 0 or 1");
            return 2;
        }
        if (kind == null || kind == Target.NCHAN && (ws > 0 || mqtt > 0) || kind == Target.MOSQUITTO && (sse > 0 || ws > 0)) {
            System.err.println("--target is relay (SSE, WebSocket, MQTT), nchan (SSE only: --ws 0 --mqtt 0) or "
                    + "mosquitto (MQTT only: --sse 0 --ws 0)");
            return 2;
        }
        int warmupCount = (int) Math.round(rate * Math.min(warmup, 600));
        int total = (int) Math.min(Math.round(rate * Math.min(duration, 600)) + warmupCount, 1_000_000);
        Areas areas = new Areas(seed);
        Random random = new Random(seed + 1);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        int most = Math.max(sse, Math.max(ws, mqtt));
        Clients clients = new Clients(vertx, loops, Math.max(1, sourceAddresses), most / Math.max(1, sourceAddresses) + 1);
        HttpClient control = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(64));
        try {
            Issuer.Publisher publisher = switch (kind) {
                case RELAY -> Issuer.relayApi(control, host, port, apiKey);
                case NCHAN -> Issuer.nchan(control, host, port);
                case MOSQUITTO -> Issuer.mqtt(vertx.createNetClient(), host, mqttPort, run)
                        .await(30, TimeUnit.SECONDS);
            };
            Issuer issuer = new Issuer(vertx, publisher, run, total, areas, seed + 2, everyone);
            issuer.recordAcknowledgementsFrom(warmupCount);
            Flooder flooder = floodConnections <= 0 || kind != Target.RELAY ? null : new Flooder(vertx, host, port,
                    floodSource, floodKey, run + "f", areas.draw(new Random(seed + 3)), floodConnections);
            List<Deliveries> channels = new ArrayList<>();
            Deliveries sseDeliveries = channel("sse", sse, issuer, warmupCount, areas, random, channels);
            Deliveries wsDeliveries = channel("ws", ws, issuer, warmupCount, areas, random, channels);
            Deliveries mqttDeliveries = channel("mqtt", mqtt, issuer, warmupCount, areas, random, channels);
            double heapBefore = kind == Target.RELAY ? ServerMetrics.heapUsedBytes(control, host, port)
                    .await(30, TimeUnit.SECONDS) : 0;
            for (int opened = 0; opened < most; opened += BATCH) {
                int to = opened + BATCH;
                Future.all(List.of(
                        Subscribers.sse(clients, kind, host, port, Math.min(sse, opened), Math.min(sse, to),
                                sseDeliveries),
                        Subscribers.webSockets(clients, host, port, Math.min(ws, opened), Math.min(ws, to),
                                wsDeliveries),
                        Subscribers.mqtt(clients, host, mqttPort, mqttQos, run, Math.min(mqtt, opened), Math.min(mqtt, to),
                                mqttDeliveries)))
                        .await(120, TimeUnit.SECONDS);
            }
            double heapWithSubscribers = kind == Target.RELAY ? ServerMetrics.heapUsedBytes(control, host, port)
                    .await(30, TimeUnit.SECONDS) : 0;
            System.out.printf("%s: %d SSE, %d WebSocket and %d MQTT subscribers open; issuing %d advisories at %.1f/s,"
                    + " the first %d to warm up%n", kind.wireName(), sse, ws, mqtt, total, rate, warmupCount);
            long started = System.nanoTime();
            long ticks = vertx.setPeriodic(1_000, id -> channels.forEach(c -> c.tick((System.nanoTime() - started) / 1e9)));
            long progress = vertx.setPeriodic(5_000, id -> System.out.printf("  %4.0f s: issued %d, delivered %s%n",
                    (System.nanoTime() - started) / 1e9, issuer.accepted().size(), channels.stream()
                            .map(c -> c.channel() + " " + c.delivered()).toList()));
            Promise<Void> issued = Promise.promise();
            if (flooder != null) {
                flooder.start();
            }
            issuer.issue(total, rate, issued::complete);
            issued.future().await(warmup + duration + 120L, TimeUnit.SECONDS);
            if (flooder != null) {
                flooder.stop();
            }
            double issueSeconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(Math.min(drain, 120) * 1000L); // a bounded wait for deliveries still in flight
            vertx.cancelTimer(progress);
            vertx.cancelTimer(ticks);
            channels.forEach(c -> c.tick((System.nanoTime() - started) / 1e9));
            JsonObject result = report(kind, issuer, total, warmupCount, issueSeconds, heapBefore, heapWithSubscribers,
                    channels).put("flood", flooder == null ? null : flooder.report());
            Files.writeString(report, result.encodePrettily());
            String stem = report.toString().replaceFirst("\\.json$", "");
            String title = kind.wireName() + ": " + channels.stream().map(c -> c.subscribers() + " " + c.channel())
                    .reduce((a, b) -> a + " + " + b).orElse("") + ", " + rate + " advisories/s";
            Plots.overTime(channels, title + " (latency per second)", Path.of(stem + "-over-time.png"));
            Plots.distribution(channels, title + " (latency distribution)", Path.of(stem + "-distribution.png"));
            System.out.println(result.encodePrettily());
            return 0;
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    /** A channel's deliveries with an interest per subscriber; added to {@code channels} when it has any. */
    private Deliveries channel(String name, int count, Issuer issuer, int warmupCount, Areas areas, Random random,
                               List<Deliveries> channels) {
        List<Interest> interests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            interests.add(everyone ? Interest.NATIONWIDE : Interest.draw(areas, random));
        }
        Deliveries deliveries = new Deliveries(name, issuer, warmupCount, interests);
        if (count > 0) {
            channels.add(deliveries);
        }
        return deliveries;
    }

    private JsonObject report(Target kind, Issuer issuer, int total, int warmupCount, double seconds, double heapBefore,
                              double heapWithSubscribers, List<Deliveries> channels) {
        JsonArray perChannel = new JsonArray();
        for (Deliveries deliveries : channels) {
            Histogram histogram = deliveries.total();
            perChannel.add(new JsonObject().put("channel", deliveries.channel())
                    .put("subscribers", deliveries.subscribers())
                    .put("delivered", deliveries.delivered())
                    .put("deliveriesPerSecond", Math.round(deliveries.delivered() / seconds))
                    .put("losses", deliveries.losses(issuer.accepted()))
                    .put("duplicates", deliveries.duplicates())
                    .put("latencyMs", percentiles(histogram)));
        }
        Histogram acknowledgements = issuer.acknowledgements();
        Histogram toLast = new Histogram(3_600_000_000_000L, 3);
        for (int index : issuer.accepted()) {
            long time = issuer.timeToLastDelivery(index);
            if (index >= warmupCount && time > 0) {
                toLast.recordValue(time);
            }
        }
        int subscribers = sse + ws + mqtt;
        return new JsonObject().put("target", kind.wireName()).put("issued", total).put("warmupIssued", warmupCount)
                .put("accepted", issuer.accepted().size()).put("failed", issuer.failed())
                .put("seconds", Math.round(seconds * 10) / 10.0).put("ratePerSecond", rate).put("everyone", everyone).put("mqttQos", mqttQos)
                .put("channels", perChannel)
                .put("timeToLastDeliveryMs", percentiles(toLast).put("advisories", toLast.getTotalCount()))
                .put("acknowledgementMs", percentiles(acknowledgements).put("advisories",
                        acknowledgements.getTotalCount()))
                .put("serverHeapPerSubscriberBytes", kind != Target.RELAY || subscribers == 0 ? null
                        : Math.round((heapWithSubscribers - heapBefore) / subscribers));
    }

    private static JsonObject percentiles(Histogram histogram) {
        return new JsonObject().put("p50", millis(histogram, 50)).put("p90", millis(histogram, 90))
                .put("p99", millis(histogram, 99)).put("p99.9", millis(histogram, 99.9))
                .put("max", Math.round(histogram.getMaxValue() / 1e3) / 1e3);
    }

    private static double millis(Histogram histogram, double percentile) {
        return Math.round(histogram.getValueAtPercentile(percentile) / 1e3) / 1e3;
    }
}
