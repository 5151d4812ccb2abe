package jp.bousai.relay.loadtest;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * HTTP, WebSocket and TCP clients bound to several loopback source addresses (127.0.0.1,
 * 127.0.0.2, …), subscriber {@code i} using address {@code i mod n}: each source address has its
 * own ~28,000 ephemeral ports, so tens of thousands of connections to one server port fit.
 * Subscriber {@code i} also opens its connection on event loop {@code i mod loops}: a connection
 * stays on the loop it was opened from, and a plain thread always opens from the same one.
 */
final class Clients {

    private final List<Context> loops = new ArrayList<>();
    private final List<HttpClient> http = new ArrayList<>();
    private final List<WebSocketClient> webSockets = new ArrayList<>();
    private final List<NetClient> net = new ArrayList<>();

    Clients(Vertx vertx, int loopCount, int sourceAddresses, int connectionsEach) {
        for (int i = 0; i < loopCount; i++) {
            loops.add(VertxInternals.eventLoopContext(vertx));
        }
        for (int i = 1; i <= sourceAddresses; i++) {
            String address = "127.0.0." + i;
            http.add(vertx.createHttpClient(new HttpClientOptions().setLocalAddress(address),
                    new PoolOptions().setHttp1MaxSize(connectionsEach + 64)));
            webSockets.add(vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress(address)
                    .setMaxConnections(connectionsEach + 64)));
            net.add(vertx.createNetClient(new NetClientOptions().setLocalAddress(address)));
        }
    }

    /** Runs {@code open} on subscriber {@code i}'s event loop, so that its connection lives there. */
    <T> Future<T> onLoop(int subscriber, Supplier<Future<T>> open) {
        Promise<T> opened = Promise.promise();
        loops.get(subscriber % loops.size()).runOnContext(v -> open.get().onComplete(opened));
        return opened.future();
    }

    HttpClient http(int subscriber) {
        return http.get(subscriber % http.size());
    }

    WebSocketClient webSocket(int subscriber) {
        return webSockets.get(subscriber % webSockets.size());
    }

    NetClient net(int subscriber) {
        return net.get(subscriber % net.size());
    }
}
