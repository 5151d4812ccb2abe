package jp.bousai.relay.loadtest;

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

/**
 * HTTP, WebSocket and TCP clients bound to several loopback source addresses (127.0.0.1,
 * 127.0.0.2, …), subscriber {@code i} using address {@code i mod n}: each source address has its
 * own ~28,000 ephemeral ports, so tens of thousands of connections to one server port fit.
 */
final class Clients {

    private final List<HttpClient> http = new ArrayList<>();
    private final List<WebSocketClient> webSockets = new ArrayList<>();
    private final List<NetClient> net = new ArrayList<>();

    Clients(Vertx vertx, int sourceAddresses, int connectionsEach) {
        for (int i = 1; i <= sourceAddresses; i++) {
            String address = "127.0.0." + i;
            http.add(vertx.createHttpClient(new HttpClientOptions().setLocalAddress(address),
                    new PoolOptions().setHttp1MaxSize(connectionsEach + 64)));
            webSockets.add(vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress(address)
                    .setMaxConnections(connectionsEach + 64)));
            net.add(vertx.createNetClient(new NetClientOptions().setLocalAddress(address)));
        }
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
