package jp.bousai.relay.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;

/** Opens SSE and WebSocket subscribers that report what they receive to their channel's deliveries. */
final class Subscribers {

    private Subscribers() {
    }

    /** Opens SSE streams {@code from} to {@code to} (everything real); completes once all are open. */
    static Future<Void> sse(Vertx vertx, HttpClient http, String host, int port, int from, int to,
                            Deliveries deliveries) {
        List<Future<Void>> opened = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int subscriber = i;
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                    .setURI("/api/v1/stream");
            opened.add(http.request(options).compose(request -> request.send()).map(response -> {
                StringBuilder pending = new StringBuilder();
                response.handler(chunk -> {
                    long now = System.nanoTime();
                    pending.append(chunk.toString());
                    int end;
                    while ((end = pending.indexOf("\n\n")) >= 0) {
                        String frame = pending.substring(0, end);
                        pending.delete(0, end + 2);
                        if (frame.contains("event: advisory")) {
                            deliveries.received(subscriber, frame, now);
                        }
                    }
                });
                return null;
            }));
        }
        return Future.all(opened).mapEmpty();
    }

    /** Opens WebSocket streams {@code from} to {@code to} (everything real); completes once all are subscribed. */
    static Future<Void> webSockets(Vertx vertx, String host, int port, int from, int to, Deliveries deliveries) {
        WebSocketClient client = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
                .setMaxConnections(Math.max(1, to - from) + 1));
        List<Future<Void>> opened = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int subscriber = i;
            io.vertx.core.Promise<Void> subscribed = io.vertx.core.Promise.promise();
            client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/api/v1/ws"))
                    .onFailure(subscribed::tryFail)
                    .onSuccess(socket -> {
                        socket.textMessageHandler(text -> {
                            if (text.startsWith("{\"type\":\"advisory\"")) {
                                deliveries.received(subscriber, text, System.nanoTime());
                            } else if (text.startsWith("{\"type\":\"subscribed\"")) {
                                subscribed.tryComplete();
                            }
                        });
                        socket.writeTextMessage("{\"type\":\"subscribe\"}");
                    });
            opened.add(subscribed.future());
        }
        return Future.all(opened).mapEmpty();
    }
}
