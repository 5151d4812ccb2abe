package jp.bousai.relay.server.edge;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.Promise;
import io.vertx.core.net.NetSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/**
 * CORS: public reads for the configured origins (here one portal), writes and admin for none;
 * preflights, plain OPTIONS and HEAD; WebSockets from other origins refused.
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class CrossOriginTest extends RelayTest {

    private static final String PORTAL = "https://portal.example.jp";
    private static final String EVIL = "https://evil.example.com";

    @Override
    protected Map<String, String> environment() {
        return Map.of("BOUSAI_HTTP_CORS_PUBLIC_ORIGINS", PORTAL);
    }

    private HttpResponse<Buffer> preflight(String path, String method, String origin) throws Exception {
        return relay.web().request(HttpMethod.OPTIONS, path).putHeader("Origin", origin)
                .putHeader("Access-Control-Request-Method", method)
                .putHeader("Access-Control-Request-Headers", "last-event-id").send().await(10, TimeUnit.SECONDS);
    }

    @Test
    void publicReadsAreOpenToTheConfiguredOriginOnly() throws Exception {
        HttpResponse<Buffer> allowed = relay.web().get("/api/v1/advisories").putHeader("Origin", PORTAL).send()
                .await(10, TimeUnit.SECONDS);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(allowed.getHeader("Vary")).contains("Origin");

        HttpResponse<Buffer> other = relay.web().get("/feeds/atom").putHeader("Origin", EVIL).send()
                .await(10, TimeUnit.SECONDS);
        assertThat(other.getHeader("Access-Control-Allow-Origin")).as("the browser will not let it read").isNull();

        HttpResponse<Buffer> preflight = preflight("/api/v1/stream", "GET", PORTAL);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(preflight.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD");
        assertThat(preflight.getHeader("Access-Control-Allow-Headers")).contains("Last-Event-ID");
        assertThat(preflight("/api/v1/stream", "GET", EVIL).statusCode()).isEqualTo(403);
    }

    @Test
    void writesAndAdminAreRefusedFromOtherOrigins() throws Exception {
        HttpResponse<Buffer> preflight = preflight("/api/v1/advisories", "POST", PORTAL);
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(preflight.bodyAsJsonObject().getString("detail")).contains("http.cors.authenticated-origins");
        assertThat(preflight("/api/v1/admin/receivers", "GET", PORTAL).statusCode()).isEqualTo(403);

        HttpResponse<Buffer> post = relay.web().post("/api/v1/advisories").putHeader("Origin", EVIL)
                .putHeader("Authorization", "Bearer " + CHIYODA_KEY).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(Examples.fresh(Examples.ORDER).toString())).await(10, TimeUnit.SECONDS);
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(relay.getJson("/api/v1/advisories").await(10, TimeUnit.SECONDS).getLong("headSeq"))
                .as("nothing stored").isZero();

        String own = "http://127.0.0.1:" + relay.port();
        HttpResponse<Buffer> sameOrigin = relay.web().post("/api/v1/advisories").putHeader("Origin", own)
                .putHeader("Authorization", "Bearer " + CHIYODA_KEY).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(Examples.fresh(Examples.ORDER).toString())).await(10, TimeUnit.SECONDS);
        assertThat(sameOrigin.statusCode()).as("the server's own pages may post").isEqualTo(201);
    }

    @Test
    void headAnswersHeadersWithoutBodyAndOptionsListsTheMethods() throws Exception {
        HttpResponse<Buffer> get = relay.web().get("/feeds/atom").send().await(10, TimeUnit.SECONDS);
        HttpResponse<Buffer> head = relay.web().head("/feeds/atom").send().await(10, TimeUnit.SECONDS);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.getHeader("Content-Type")).isEqualTo(get.getHeader("Content-Type"));
        assertThat(head.getHeader("ETag")).isEqualTo(get.getHeader("ETag"));
        assertThat(head.body()).as("no body").satisfiesAnyOf(
                body -> assertThat(body).isNull(), body -> assertThat(body.length()).isZero());
        HttpResponse<Buffer> headList = relay.web().head("/api/v1/advisories?area=13").send()
                .await(10, TimeUnit.SECONDS);
        assertThat(headList.statusCode()).isEqualTo(200);
        assertThat(headList.getHeader("Content-Type")).startsWith("application/json");

        HttpResponse<Buffer> options = relay.web().request(HttpMethod.OPTIONS, "/api/v1/advisories").send()
                .await(10, TimeUnit.SECONDS);
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.getHeader("Allow")).isEqualTo("GET, HEAD, POST, OPTIONS");
    }

    @Test
    void aWebSocketFromAnOriginNotAllowedIsRefused(Vertx vertx) throws Exception {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(relay.port())
                .setURI("/api/v1/ws");
        String handshake = "GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nOrigin: " + EVIL + "\r\n\r\n";
        Promise<String> answer = Promise.promise();
        NetSocket raw = vertx.createNetClient().connect(relay.port(), "127.0.0.1").await(10, TimeUnit.SECONDS);
        Buffer received = Buffer.buffer();
        raw.handler(bytes -> {
            received.appendBuffer(bytes);
            if (received.toString().contains("\r\n\r\n")) {
                answer.tryComplete(received.toString());
            }
        });
        raw.closeHandler(v -> answer.tryComplete(received.toString()));
        raw.write(handshake);
        assertThat(answer.future().await(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 403");
        var socket = vertx.createWebSocketClient().connect(new WebSocketConnectOptions(options)
                .addHeader("Origin", PORTAL)).await(10, TimeUnit.SECONDS);
        assertThat(socket.isClosed()).isFalse();
        socket.close().await(10, TimeUnit.SECONDS);
    }
}
