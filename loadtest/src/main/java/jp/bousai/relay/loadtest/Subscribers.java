package jp.bousai.relay.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens subscribers, each following its {@link Interest}, and reports what they receive to their
 * channel's deliveries. Each kind takes its clients from a {@link Clients} spread over source
 * addresses.
 */
final class Subscribers {

    private static final Buffer ADVISORY = Buffer.buffer("{\"type\":\"advisory\"");
    private static final Buffer SUBSCRIBED = Buffer.buffer("{\"type\":\"subscribed\"");

    private Subscribers() {
    }

    private static boolean startsWith(Buffer message, Buffer prefix) {
        return message.length() >= prefix.length() && message.getBuffer(0, prefix.length()).equals(prefix);
    }

    /**
     * SSE streams {@code from} to {@code to}: the relay's {@code /api/v1/stream?area=…}, or an nchan
     * channel ({@code /sub/<channel>}); completes once all answered.
     */
    static Future<Void> sse(Clients clients, Target target, String host, int port, int from, int to,
                            Deliveries deliveries) {
        List<Interest> interests = deliveries.interests();
        List<Future<Void>> opened = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int subscriber = i;
            Interest interest = interests.get(i);
            String uri = target == Target.NCHAN ? "/sub/" + interest.channel()
                    : "/api/v1/stream" + (interest.areaFilter() == null ? ""
                    : "?area=" + URLEncoder.encode(interest.areaFilter(), StandardCharsets.UTF_8));
            HttpClient http = clients.http(i);
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                    .setURI(uri).putHeader("Accept", "text/event-stream");
            opened.add(clients.onLoop(i, () -> http.request(options).compose(request -> request.send())
                    .map(response -> {
                        response.handler(new SseFrameReader(subscriber, deliveries));
                        return null;
                    })));
        }
        return Future.all(opened).mapEmpty();
    }

    /** The relay's WebSocket streams {@code from} to {@code to}; completes once all are subscribed. */
    static Future<Void> webSockets(Clients clients, String host, int port, int from, int to, Deliveries deliveries) {
        List<Interest> interests = deliveries.interests();
        List<Future<Void>> opened = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int subscriber = i;
            Interest interest = interests.get(i);
            WebSocketClient client = clients.webSocket(i);
            Promise<Void> subscribed = Promise.promise();
            JsonObject subscribe = new JsonObject().put("type", "subscribe");
            if (interest.areaFilter() != null) {
                subscribe.put("area", new JsonArray().add(interest.areaFilter()));
            }
            clients.onLoop(i, () -> client.connect(new WebSocketConnectOptions().setHost(host).setPort(port)
                            .setURI("/api/v1/ws")))
                    .onFailure(subscribed::tryFail)
                    .onSuccess(socket -> {
                        // Each message is one frame here, read as bytes.
                        socket.handler(message -> {
                            long now = System.nanoTime();
                            if (startsWith(message, ADVISORY)) {
                                deliveries.received(subscriber, message, 0, message.length(), now);
                            } else if (startsWith(message, SUBSCRIBED)) {
                                subscribed.tryComplete();
                            }
                        });
                        socket.writeTextMessage(subscribe.encode());
                    });
            opened.add(subscribed.future());
        }
        return Future.all(opened).mapEmpty();
    }

    /** MQTT subscribers {@code from} to {@code to} on the relay's topics; completes once all are subscribed. */
    static Future<Void> mqtt(Clients clients, String host, int port, int qos, String run, int from, int to,
                             Deliveries deliveries) {
        List<Interest> interests = deliveries.interests();
        List<Future<Void>> opened = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int subscriber = i;
            NetClient client = clients.net(i);
            opened.add(clients.onLoop(i, () -> MqttWire.connect(client, host, port, "lt-" + run + "-" + subscriber)
                    .compose(wire -> wire.subscribe(interests.get(subscriber).topicFilter("bousai/v1"), qos,
                            (payload, now) -> deliveries.received(subscriber, payload, 0, payload.length(), now)))));
        }
        return Future.all(opened).mapEmpty();
    }
}
