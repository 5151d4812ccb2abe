package jp.bousai.relay.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import jp.bousai.relay.core.area.JisCode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Issues evacuation orders at a fixed rate to the target, each a new document for a municipality
 * drawn with Zipf weights, and remembers when each was sent, where it was for, and when its last
 * delivery arrived (for the time to the last delivery).
 */
final class Issuer {

    /** How one advisory is handed to the target; completes with whether it was accepted. */
    @FunctionalInterface
    interface Publisher {
        Future<Boolean> publish(int index, JisCode area, String body);
    }

    private final Vertx vertx;
    private final Publisher publisher;
    private final String run;
    private final JisCode[] areaOf;
    private final AtomicLongArray sentNanos;
    private final AtomicLongArray lastArrivalNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Integer> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicLong failed = new AtomicLong();
    private final Recorder acknowledgements = new Recorder(3_600_000_000_000L, 3);
    private volatile int firstRecorded;

    Issuer(Vertx vertx, Publisher publisher, String run, int maxAdvisories, Areas areas, long seed, boolean oneArea) {
        this.vertx = vertx;
        this.publisher = publisher;
        this.run = run;
        this.areaOf = new JisCode[maxAdvisories];
        Random random = new Random(seed);
        JisCode first = areas.draw(random);
        for (int i = 0; i < maxAdvisories; i++) {
            areaOf[i] = oneArea ? first : areas.draw(random);
        }
        this.sentNanos = new AtomicLongArray(maxAdvisories);
        this.lastArrivalNanos = new AtomicLongArray(maxAdvisories);
    }

    /** Through the relay's JSON API. */
    static Publisher relayApi(HttpClient http, String host, int port, String apiKey) {
        return (index, area, body) -> http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(host)
                        .setPort(port).setURI("/api/v1/advisories").putHeader("Content-Type", "application/json")
                        .putHeader("Authorization", "Bearer " + apiKey))
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(response.statusCode() == 201));
    }

    /** To nchan: the same body to the channels of its municipality, its prefecture and everything. */
    static Publisher nchan(HttpClient http, String host, int port) {
        return (index, area, body) -> {
            List<Future<Boolean>> posts = new ArrayList<>();
            for (String channel : List.of("m" + area.value(), "p" + area.prefectureNumber(), "all")) {
                posts.add(http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                                .setURI("/pub/" + channel).putHeader("Content-Type", "application/json"))
                        .compose(request -> request.send(Buffer.buffer(body)))
                        .compose(response -> response.body().map(response.statusCode() / 100 == 2)));
            }
            return Future.all(posts).map(all -> posts.stream().allMatch(Future::result));
        };
    }

    /**
     * To an MQTT broker at QoS 1 on the relay's topic layout, over a few connections; a connection
     * the broker closed is opened again for the next publish (the publishes it held count as failed).
     */
    static Future<Publisher> mqtt(NetClient client, String host, int port, String run) {
        int connections = 4;
        java.util.concurrent.atomic.AtomicReferenceArray<Future<MqttWire>> wires =
                new java.util.concurrent.atomic.AtomicReferenceArray<>(connections);
        List<Future<MqttWire>> opened = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            wires.set(i, MqttWire.connect(client, host, port, "lt-pub-" + run + "-" + i));
            opened.add(wires.get(i));
        }
        AtomicInteger reconnects = new AtomicInteger();
        return Future.all(opened).map(all -> (index, area, body) -> {
            int slot = index % connections;
            Future<MqttWire> wire = wires.get(slot);
            if (wire.isComplete() && (wire.failed() || wire.result().isClosed())) {
                wire = MqttWire.connect(client, host, port, "lt-pub-" + run + "-" + slot + "-" + reconnects.incrementAndGet());
                wires.set(slot, wire);
            }
            return wire.compose(connected -> connected.publish(Payloads.topic(area, Payloads.documentId(run, index)), body.getBytes(StandardCharsets.UTF_8)))
                    .map(true);
        });
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

    private Future<Void> send(int index) {
        String body = Payloads.advisory(run, index, areaOf[index]);
        long sent = System.nanoTime();
        sentNanos.set(index, sent);
        return publisher.publish(index, areaOf[index], body).<Void>map(ok -> {
            if (index >= firstRecorded) {
                acknowledgements.recordValue(System.nanoTime() - sent);
            }
            if (ok) {
                accepted.add(index);
            } else {
                failed.incrementAndGet();
            }
            return null;
        }).recover(e -> {
            failed.incrementAndGet();
            return Future.succeededFuture();
        });
    }

    /** Acknowledgement times are recorded from advisory {@code index} on (after the warm-up). */
    void recordAcknowledgementsFrom(int index) {
        firstRecorded = index;
    }

    /** From sending each advisory after the warm-up to its answer (accepted or not), in nanoseconds. */
    Histogram acknowledgements() {
        return acknowledgements.getIntervalHistogram();
    }

    String run() {
        return run;
    }

    long sentNanos(int index) {
        return index < sentNanos.length() ? sentNanos.get(index) : 0;
    }

    JisCode areaOf(int index) {
        return areaOf[index];
    }

    /** Notes a delivery of {@code index} at {@code nanos}, keeping the latest. */
    void arrived(int index, long nanos) {
        lastArrivalNanos.accumulateAndGet(index, nanos, Math::max);
    }

    /** From sending {@code index} to its last delivery, in nanoseconds; 0 if none arrived. */
    long timeToLastDelivery(int index) {
        long last = lastArrivalNanos.get(index);
        return last == 0 ? 0 : last - sentNanos.get(index);
    }

    Set<Integer> accepted() {
        return accepted;
    }

    long failed() {
        return failed.get();
    }
}
