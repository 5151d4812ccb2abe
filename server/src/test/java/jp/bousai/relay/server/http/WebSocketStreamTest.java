package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/** The WebSocket stream over a real socket: the SSE stream's semantics in JSON messages. */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class WebSocketStreamTest extends RelayTest {

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

    private WebSocket connect(Vertx vertx) throws Exception {
        WebSocket socket = vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(relay.port()).setURI("/api/v1/ws")).await(10, TimeUnit.SECONDS);
        socket.textMessageHandler(text -> received.add(new JsonObject(text)));
        return socket;
    }

    private JsonObject next() throws InterruptedException {
        JsonObject message = received.poll(20, TimeUnit.SECONDS);
        assertThat(message).as("a message from the server").isNotNull();
        return message;
    }

    @Test
    void resumesThenStreamsLiveAndAnswersBadMessagesWithoutClosing(Vertx vertx) throws Exception {
        relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY).await(10, TimeUnit.SECONDS);
        WebSocket socket = connect(vertx);
        socket.writeTextMessage("{\"type\":\"subscribe\",\"id\":\"tokyo\",\"area\":[\"13\"],\"since\":0}");
        assertThat(next()).isEqualTo(new JsonObject().put("type", "subscribed").put("id", "tokyo"));
        JsonObject replayed = next();
        assertThat(replayed.getString("type")).isEqualTo("advisory");
        assertThat(replayed.getJsonObject("record").getLong("seq")).isEqualTo(1);
        relay.issue(Examples.fresh(Examples.SHELTERS), CHIYODA_KEY).await(10, TimeUnit.SECONDS);
        assertThat(next().getJsonObject("record").getLong("seq")).as("then live, without gap").isEqualTo(2);

        socket.writeTextMessage("{\"type\":\"subscribe\",\"area\":[\"131017\"]}");
        JsonObject error = next();
        assertThat(error.getString("type")).isEqualTo("error");
        assertThat(error.getString("detail")).contains("'area'").contains("check digit");

        socket.writeTextMessage("{\"type\":\"subscribe\",\"area\":\"131016\",\"snapshot\":true}");
        assertThat(next().getString("type")).isEqualTo("subscribed");
        assertThat(next().getString("type")).isEqualTo("snapshot");
        assertThat(next().getString("type")).isEqualTo("snapshot");
        JsonObject end = next();
        assertThat(end.getString("type")).isEqualTo("snapshot-end");
        assertThat(end.getLong("seq")).isEqualTo(2);
        assertThat(socket.isClosed()).isFalse();
        socket.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void drillsStayOffAnActualSubscription(Vertx vertx) throws Exception {
        WebSocket socket = connect(vertx);
        socket.writeTextMessage("{\"type\":\"subscribe\"}");
        assertThat(next().getString("type")).isEqualTo("subscribed");
        relay.issue(Examples.fresh(Examples.ORDER).put("mode", "Exercise"), CHIYODA_KEY).await(10, TimeUnit.SECONDS);
        relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY).await(10, TimeUnit.SECONDS);
        JsonObject first = next();
        assertThat(first.getJsonObject("record").getLong("seq")).as("the drill (seq 1) never arrives").isEqualTo(2);
        socket.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aLiveAdvisoryLargerThanOneFrameArrivesWholeAndIntact(Vertx vertx) throws Exception {
        WebSocket socket = connect(vertx);
        socket.writeTextMessage("{\"type\":\"subscribe\"}");
        assertThat(next().getString("type")).isEqualTo("subscribed");
        String longText = "氾濫危険水位に達しました。".repeat(1_500); // 19,500 characters, 58 KB of UTF-8
        var order = Examples.fresh(Examples.ORDER);
        order.putObject("text").put("ja", longText).put("en", "The river has reached its flood danger level. "
                .repeat(200));
        relay.issue(order, CHIYODA_KEY).await(10, TimeUnit.SECONDS);
        JsonObject live = next();
        assertThat(live.getJsonObject("record").getJsonObject("advisory").getJsonObject("text").getString("ja"))
                .as("more than 64 KB in all, sent as a fragmented message").isEqualTo(longText);
        socket.close().await(10, TimeUnit.SECONDS);
    }
}
