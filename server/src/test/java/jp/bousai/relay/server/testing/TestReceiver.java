package jp.bousai.relay.server.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A real HTTP server playing a media receiver on a free loopback port: it records every request
 * and answers through a behaviour the test sets (acknowledge, fail, stay silent, a SOAP code).
 * {@link #received(int)} completes once that many requests have arrived, with no waiting by time.
 */
public final class TestReceiver {

    /** One request as received. */
    public record Request(MultiMap headers, Buffer body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** A header the receiver adds to each recorded request: the request's URI with its query. */
    public static final String URI_HEADER = "X-Test-Request-Uri";
    private final Vertx vertx;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile BiConsumer<Request, HttpServerResponse> behaviour = (request, response) -> response.end();
    private HttpServer server;
    private int port;

    private record Waiter(Predicate<List<Request>> condition, Promise<List<Request>> promise) {
    }

    private TestReceiver(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts on a free port. */
    public static Future<TestReceiver> start(Vertx vertx) {
        TestReceiver receiver = new TestReceiver(vertx);
        return receiver.listen(0).map(receiver);
    }

    /** Starts again on the port it had (after {@link #stop()}): a receiver that was down comes back. */
    public Future<Void> restart() {
        return listen(port).mapEmpty();
    }

    private Future<HttpServer> listen(int onPort) {
        return vertx.createHttpServer().requestHandler(this::handle).listen(onPort, "127.0.0.1").onSuccess(started -> {
            server = started;
            port = started.actualPort();
        });
    }

    public Future<Void> stop() {
        return server.close();
    }

    public TestReceiver answering(BiConsumer<Request, HttpServerResponse> newBehaviour) {
        this.behaviour = newBehaviour;
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Completes with the requests so far once at least {@code count} have arrived. */
    public Future<List<Request>> received(int count) {
        return until(received -> received.size() >= count);
    }

    /** Completes with the requests so far once they satisfy {@code condition} (checked as each arrives). */
    public synchronized Future<List<Request>> until(Predicate<List<Request>> condition) {
        if (condition.test(requests())) {
            return Future.succeededFuture(requests());
        }
        Promise<List<Request>> promise = Promise.promise();
        waiters.add(new Waiter(condition, promise));
        return promise.future();
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Request received = new Request(MultiMap.caseInsensitiveMultiMap().addAll(request.headers())
                    .add(URI_HEADER, request.uri()), body);
            requests.add(received);
            behaviour.accept(received, request.response());
            synchronized (this) {
                waiters.removeIf(waiter -> {
                    if (waiter.condition().test(requests())) {
                        waiter.promise().complete(requests());
                        return true;
                    }
                    return false;
                });
            }
        });
    }
}
