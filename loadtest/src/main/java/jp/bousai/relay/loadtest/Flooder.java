package jp.bousai.relay.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import jp.bousai.relay.core.area.JisCode;

/**
 * A misbehaving sender: {@code connections} closed loops, each posting the next advisory with its
 * own key as soon as the last was answered (whatever the answer, Retry-After ignored), from a
 * source address of its own. It measures what the flood does to another sender.
 */
final class Flooder {

    private final HttpClient http;
    private final String host;
    private final int port;
    private final String apiKey;
    private final String run;
    private final JisCode area;
    private final int connections;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();

    Flooder(Vertx vertx, String host, int port, String sourceAddress, String apiKey, String run, JisCode area,
            int connections) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(sourceAddress),
                new PoolOptions().setHttp1MaxSize(connections));
        this.host = host;
        this.port = port;
        this.apiKey = apiKey;
        this.run = run;
        this.area = area;
        this.connections = connections;
    }

    void start() {
        running.set(true);
        for (int i = 0; i < connections; i++) {
            loop();
        }
    }

    void stop() {
        running.set(false);
    }

    private void loop() {
        if (!running.get()) {
            return;
        }
        String body = Payloads.advisory(run, next.getAndIncrement(), area);
        post(body).onComplete(done -> loop());
    }

    private Future<Void> post(String body) {
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                        .setURI("/api/v1/advisories").putHeader("Content-Type", "application/json")
                        .putHeader("Authorization", "Bearer " + apiKey))
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> {
                    byStatus.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                    return (Void) null;
                }))
                .recover(e -> {
                    errors.increment();
                    return Future.succeededFuture();
                });
    }

    /** Requests sent, by answer status, and failed exchanges. */
    JsonObject report() {
        JsonObject statuses = new JsonObject();
        byStatus.forEach((status, count) -> statuses.put(Integer.toString(status), count.sum()));
        return new JsonObject().put("connections", connections).put("requests", next.get())
                .put("byStatus", statuses).put("errors", errors.sum());
    }
}
