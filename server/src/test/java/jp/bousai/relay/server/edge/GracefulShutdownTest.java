package jp.bousai.relay.server.edge;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.SseClient;
import jp.bousai.relay.server.testing.SseEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping: readiness turns 503 while requests are still served; then an SSE stream gets
 * {@code event: shutdown} and its end, a WebSocket a close 1001 (going away), and a request in
 * flight is still answered.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class GracefulShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void readinessTurnsFirstThenStreamsAreToldToReconnectAndInFlightRequestsFinish(Vertx vertx) throws Exception {
        RelayFixture relay = RelayFixture.start(vertx, dataDir).await(30, TimeUnit.SECONDS);
        Promise<Integer> closeCode = Promise.promise();
        openWebSocket(vertx, relay.port(), closeCode).await(20, TimeUnit.SECONDS);
        SseClient stream = relay.stream("/api/v1/stream?area=13").await(20, TimeUnit.SECONDS);
        var client = vertx.createHttpClient();
        HttpClientRequest inFlight = client.request(new RequestOptions().setMethod(HttpMethod.POST)
                .setHost("127.0.0.1").setPort(relay.port()).setURI("/api/v1/advisories")
                .putHeader("Authorization", "Bearer " + CHIYODA_KEY).putHeader("Content-Type", "application/json"))
                .await(10, TimeUnit.SECONDS);
        String order = Examples.fresh(Examples.ORDER).toString();
        int half = order.length() / 2;
        inFlight.setChunked(true).write(order.substring(0, half)).await(10, TimeUnit.SECONDS);

        relay.relay().drain();
        var ready = relay.web().get("/health/ready").send().await(10, TimeUnit.SECONDS);
        assertThat(ready.statusCode()).as("readiness while draining").isEqualTo(503);
        assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getString("server")).isEqualTo("STOPPING");
        assertThat(relay.web().get("/feeds/atom").send().await(10, TimeUnit.SECONDS).statusCode())
                .as("still serving").isEqualTo(200);

        var stopped = relay.relay().stop();
        List<SseEvent> events = stream.until(all -> all.stream().anyMatch(e -> e.event().equals("shutdown")))
                .await(20, TimeUnit.SECONDS);
        assertThat(events.get(events.size() - 1).data()).contains("reconnect");
        assertThat(closeCode.future().await(20, TimeUnit.SECONDS)).as("WebSocket close code").isEqualTo(1001);
        HttpClientResponse answer = inFlight.end(order.substring(half)).compose(v -> inFlight.response())
                .await(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as("the request in flight is answered").isEqualTo(201);
        stopped.await(30, TimeUnit.SECONDS);
        assertThat(stream.ended()).isTrue();
    }

    /**
     * A WebSocket opened over a plain TCP socket (RFC 6455 handshake), whose close frame's status
     * code completes {@code closeCode}; completes once the server has accepted the upgrade.
     */
    private static io.vertx.core.Future<Void> openWebSocket(Vertx vertx, int port, Promise<Integer> closeCode) {
        Promise<Void> upgraded = Promise.promise();
        Buffer received = Buffer.buffer();
        return vertx.createNetClient().connect(port, "127.0.0.1").compose(socket -> {
            socket.handler(bytes -> {
                received.appendBuffer(bytes);
                String text = received.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
                int headEnd = text.indexOf("\r\n\r\n");
                if (headEnd < 0) {
                    return;
                }
                if (!text.startsWith("HTTP/1.1 101")) {
                    upgraded.tryFail("not upgraded: " + text.substring(0, headEnd));
                    return;
                }
                upgraded.tryComplete();
                int frame = headEnd + 4;
                // a server frame is unmasked: 0x88 (FIN + close), the length, then the status code
                if (received.length() >= frame + 4 && (received.getByte(frame) & 0xff) == 0x88) {
                    closeCode.tryComplete(received.getUnsignedShort(frame + 2));
                }
            });
            socket.closeHandler(v -> closeCode.tryFail("closed without a close frame"));
            return socket.write("GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").compose(v -> upgraded.future());
        });
    }
}
