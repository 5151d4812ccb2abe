package jp.bousai.relay.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Issues evacuation orders through the JSON API at a fixed rate, each a new document
 * ({@code lt-RUN-INDEX}), and remembers when each request was sent.
 */
final class Issuer {

    private final Vertx vertx;
    private final HttpClient http;
    private final String host;
    private final int port;
    private final String apiKey;
    private final String run;
    private final AtomicLongArray sentNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Integer> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicLong failed = new AtomicLong();

    Issuer(Vertx vertx, HttpClient http, String host, int port, String apiKey, String run, int maxAdvisories) {
        this.vertx = vertx;
        this.http = http;
        this.host = host;
        this.port = port;
        this.apiKey = apiKey;
        this.run = run;
        this.sentNanos = new AtomicLongArray(maxAdvisories);
    }

    /** Issues {@code total} advisories, {@code perSecond} a second; calls {@code done} after the last reply. */
    void issue(int total, double perSecond, Runnable done) {
        long periodNanos = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        AtomicInteger replies = new AtomicInteger();
        vertx.setPeriodic(1, id -> {
            long due = Math.min(total, (System.nanoTime() - start) / periodNanos + 1);
            while (next.get() < due) {
                int index = next.getAndIncrement();
                send(index).onComplete(result -> {
                    if (replies.incrementAndGet() == total) {
                        done.run();
                    }
                });
            }
            if (next.get() >= total) {
                vertx.cancelTimer(id);
            }
        });
    }

    private io.vertx.core.Future<Void> send(int index) {
        String documentId = "lt-" + run + "-" + index;
        String body = """
                {"distributionId":"%s","documentId":"%s","revision":1,"type":"Report","mode":"Actual",
                 "category":"EvacuationOrder","areas":[{"code":"131016","name":"千代田区"}],
                 "reportTime":"2026-09-01T10:00:00+09:00","headline":{"ja":"【警戒レベル4】負荷試験 %d"},
                 "evacuation":{"details":[{"level":4,"status":"issued","subAreas":[{"name":"神田須田町一丁目"}]}]}}
                """.formatted(documentId, documentId, index);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI("/api/v1/advisories").putHeader("Content-Type", "application/json")
                .putHeader("Authorization", "Bearer " + apiKey);
        return http.request(options).compose(request -> {
            sentNanos.set(index, System.nanoTime());
            return request.send(Buffer.buffer(body));
        }).compose(response -> {
            if (response.statusCode() == 201) {
                accepted.add(index);
            } else {
                failed.incrementAndGet();
            }
            return response.body().<Void>mapEmpty();
        }).recover(e -> {
            failed.incrementAndGet();
            return io.vertx.core.Future.succeededFuture();
        });
    }

    long sentNanos(int index) {
        return index < sentNanos.length() ? sentNanos.get(index) : 0;
    }

    Set<Integer> accepted() {
        return accepted;
    }

    long failed() {
        return failed.get();
    }
}
