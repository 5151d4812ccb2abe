package jp.bousai.relay.server.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.server.Relay;
import jp.bousai.relay.server.auth.ApiKeys;
import jp.bousai.relay.server.config.ApiKeyConfig;
import jp.bousai.relay.server.config.ConfigLoader;
import jp.bousai.relay.server.config.RelayConfig;

/**
 * A real server for tests: the shipped demo configuration ({@code config/bousai-relay.yaml}) with port 0, two event loops, a
 * temporary data directory and a clock the test moves. Besides the demo keys it has
 * {@value #OSAKA_KEY} for 大阪府.
 */
public final class RelayFixture {

    public static final String CHIYODA_KEY = "demo-chiyoda";
    public static final String TOKYO_KEY = "demo-tokyo";
    public static final String OSAKA_KEY = "test-osaka";
    public static final String ADMIN_KEY = "demo-admin";
    /** The demo configuration the README's run command uses (tests run in the module directory). */
    public static final Path SHIPPED_CONFIG = Path.of("..", "config", "bousai-relay.yaml");

    private final Vertx vertx;
    private final Relay relay;
    private final WebClient web;
    private final HttpClient http;
    private final MutableClock clock;
    private final List<SseClient> streams = new ArrayList<>();

    private RelayFixture(Vertx vertx, Relay relay, MutableClock clock) {
        this.vertx = vertx;
        this.relay = relay;
        this.clock = clock;
        this.web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(relay.port()));
        this.http = vertx.createHttpClient();
    }

    public static Future<RelayFixture> start(Vertx vertx, Path dataDir) {
        return start(vertx, dataDir, Map.of());
    }

    /** Starts with extra environment overrides, e.g. {@code BOUSAI_STREAM_MAX_PENDING_BYTES}. */
    public static Future<RelayFixture> start(Vertx vertx, Path dataDir, Map<String, String> extraEnv) {
        MutableClock clock = new MutableClock(Instant.parse("2026-09-01T01:00:00Z"));
        Map<String, String> env = new java.util.HashMap<>(Map.of("BOUSAI_HTTP_PORT", "0",
                "BOUSAI_HTTP_HOST", "127.0.0.1", "BOUSAI_HTTP_INSTANCES", "2",
                "BOUSAI_DATA_DIR", dataDir.toString(), "BOUSAI_MQTT_MODE", "off"));
        env.putAll(extraEnv);
        RelayConfig shipped = ConfigLoader.load(SHIPPED_CONFIG, env);
        List<ApiKeyConfig> keys = new ArrayList<>(shipped.apiKeys());
        keys.add(new ApiKeyConfig("test-osaka", ApiKeys.sha256(OSAKA_KEY), JisCode.parse("270008"), List.of(), false, null));
        RelayConfig config = shipped.withApiKeys(keys);
        return Relay.start(vertx, config, clock).map(relay -> new RelayFixture(vertx, relay, clock));
    }

    public Future<Void> stop() {
        streams.forEach(SseClient::close);
        return http.close().transform(v -> relay.stop());
    }

    public Relay relay() {
        return relay;
    }

    public MutableClock clock() {
        return clock;
    }

    public WebClient web() {
        return web;
    }

    public int port() {
        return relay.port();
    }

    public Future<HttpResponse<Buffer>> post(ObjectNode advisory, String key) {
        return postRaw(Buffer.buffer(advisory.toString()), "application/json", key);
    }

    public Future<HttpResponse<Buffer>> postRaw(Buffer body, String contentType, String key) {
        var request = web.post("/api/v1/advisories");
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        if (key != null) {
            request.putHeader("Authorization", "Bearer " + key);
        }
        return request.sendBuffer(body);
    }

    /** Posts and fails unless the advisory was accepted (201); gives the reply. */
    public Future<JsonObject> issue(ObjectNode advisory, String key) {
        return post(advisory, key).compose(response -> response.statusCode() == 201
                ? Future.succeededFuture(response.bodyAsJsonObject())
                : Future.failedFuture(new AssertionError("expected 201, got " + response.statusCode() + ": "
                        + response.bodyAsString())));
    }

    public Future<SseClient> stream(String pathAndQuery) {
        return stream(pathAndQuery, null);
    }

    public Future<SseClient> stream(String pathAndQuery, MultiMap headers) {
        return SseClient.open(vertx, http, port(), pathAndQuery, headers).onSuccess(streams::add);
    }

    public Future<JsonObject> getJson(String path) {
        return web.get(path).send().map(HttpResponse::bodyAsJsonObject);
    }

    /** The value of a metric line, e.g. {@code bousai_advisories_accepted_total{format="json"}}; 0 if absent. */
    public Future<Double> metric(String series) {
        return web.get("/metrics").send().map(response -> {
            for (String line : response.bodyAsString().split("\n")) {
                if (line.startsWith(series + " ")) {
                    return Double.parseDouble(line.substring(series.length() + 1).trim());
                }
            }
            return 0.0;
        });
    }

    /** Adds a media receiver through the admin API; fails unless it was created (201). */
    public Future<JsonObject> addReceiver(JsonObject definition) {
        return web.post("/api/v1/admin/receivers").putHeader("Authorization", "Bearer " + ADMIN_KEY)
                .sendJsonObject(definition).compose(response -> response.statusCode() == 201
                        ? Future.succeededFuture(response.bodyAsJsonObject())
                        : Future.failedFuture(new AssertionError("expected 201, got " + response.statusCode() + ": "
                                + response.bodyAsString())));
    }

    /** A document's delivery receipts, as an admin sees them. */
    public Future<JsonObject> deliveries(String documentId) {
        return web.get("/api/v1/advisories/" + documentId + "/deliveries")
                .putHeader("Authorization", "Bearer " + ADMIN_KEY).send().map(HttpResponse::bodyAsJsonObject);
    }

    /**
     * Asks {@code query} again until its answer satisfies {@code condition}: for state the relay
     * records after the event a test can wait on (a receipt is written after the receiver answered).
     * Re-asks every 20 ms; the test's own timeout bounds it.
     */
    public <T> Future<T> eventually(java.util.function.Supplier<Future<T>> query, java.util.function.Predicate<T> condition) {
        io.vertx.core.Promise<T> done = io.vertx.core.Promise.promise();
        askUntil(query, condition, done);
        return done.future();
    }

    private <T> void askUntil(java.util.function.Supplier<Future<T>> query, java.util.function.Predicate<T> condition,
                              io.vertx.core.Promise<T> done) {
        query.get().onComplete(answer -> {
            if (answer.succeeded() && condition.test(answer.result())) {
                done.complete(answer.result());
            } else {
                vertx.setTimer(20, id -> askUntil(query, condition, done));
            }
        });
    }
}
