package jp.bousai.relay.server.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real SSE client over HTTP: parses the stream into events and lets a test wait for the events
 * it expects, without sleeping.
 */
public final class SseClient {

    private final List<SseEvent> events = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private int heartbeats;
    private HttpClientResponse response;
    private boolean ended;

    private record Waiter(Predicate<List<SseEvent>> condition, Promise<List<SseEvent>> promise) {
    }

    private SseClient() {
    }

    /**
     * Opens a stream; the future completes once the server has answered and written its first
     * bytes, by which time the subscriber is registered for live events.
     */
    public static Future<SseClient> open(Vertx vertx, HttpClient http, int port, String path, MultiMap headers) {
        SseClient client = new SseClient();
        Promise<SseClient> opened = Promise.promise();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                .setURI(path).putHeader("Accept", "text/event-stream");
        if (headers != null) {
            options.getHeaders().addAll(headers);
        }
        http.request(options)
                .compose(request -> request.send())
                .onFailure(opened::tryFail)
                .onSuccess(response -> {
                    client.response = response;
                    if (response.statusCode() != 200) {
                        response.body().onComplete(body -> opened.tryFail(new AssertionError(
                                "stream answered " + response.statusCode() + ": " + body.result())));
                        return;
                    }
                    response.handler(chunk -> {
                        client.onChunk(chunk);
                        opened.tryComplete(client);
                    });
                    response.endHandler(v -> client.onEnd());
                });
        return opened.future();
    }

    public static Future<SseClient> open(Vertx vertx, HttpClient http, int port, String path) {
        return open(vertx, http, port, path, null);
    }

    /** Completes when the events received so far satisfy {@code condition}. */
    public Future<List<SseEvent>> until(Predicate<List<SseEvent>> condition) {
        Promise<List<SseEvent>> promise = Promise.promise();
        waiters.add(new Waiter(condition, promise));
        check();
        return promise.future();
    }

    /** Completes once {@code count} events of type {@code advisory} were received. */
    public Future<List<SseEvent>> advisories(int count) {
        return until(all -> all.stream().filter(e -> e.event().equals("advisory")).count() >= count)
                .map(all -> all.stream().filter(e -> e.event().equals("advisory")).toList());
    }

    /** Completes once an event with {@code seq} or a later one was received. */
    public Future<List<SseEvent>> untilSeq(long seq) {
        return until(all -> all.stream().anyMatch(e -> e.id() != null && Long.parseLong(e.id()) >= seq));
    }

    /** Completes once {@code count} heartbeat comments were received. */
    public Future<Integer> heartbeats(int count) {
        return until(all -> heartbeats >= count).map(all -> heartbeats);
    }

    public List<SseEvent> events() {
        return List.copyOf(events);
    }

    public boolean ended() {
        return ended;
    }

    /** Stops reading from the socket, as a stalled client would. */
    public void pause() {
        response.pause();
    }

    public void resume() {
        response.resume();
    }

    public void close() {
        if (response != null && !ended) {
            response.request().connection().close();
        }
    }

    private void onChunk(Buffer chunk) {
        pending.append(chunk.toString());
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            String frame = pending.substring(0, end);
            pending.delete(0, end + 2);
            parse(frame);
        }
        check();
    }

    private void parse(String frame) {
        String id = null;
        String event = "message";
        StringBuilder data = new StringBuilder();
        boolean any = false;
        for (String line : frame.split("\n")) {
            if (line.startsWith(": heartbeat")) {
                heartbeats++;
                continue;
            }
            if (line.startsWith(":") || line.startsWith("retry:")) {
                continue;
            }
            any = true;
            if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(6));
            }
        }
        if (any) {
            events.add(new SseEvent(id, event, data.toString()));
        }
    }

    private void onEnd() {
        ended = true;
        check();
    }

    private void check() {
        List<SseEvent> snapshot = List.copyOf(events);
        List<Waiter> done = new ArrayList<>();
        for (Waiter waiter : waiters) {
            if (ended || waiter.condition().test(snapshot)) {
                done.add(waiter);
            }
        }
        waiters.removeAll(done);
        for (Waiter waiter : done) {
            if (waiter.condition().test(snapshot)) {
                waiter.promise().complete(snapshot);
            } else {
                waiter.promise().fail(new AssertionError("the stream ended before the expected events; got "
                        + snapshot));
            }
        }
    }
}
