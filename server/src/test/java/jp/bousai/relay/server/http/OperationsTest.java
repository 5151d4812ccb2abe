package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class OperationsTest extends RelayTest {

    @Test
    void metricsMoveWithIngestAndDelivery(VertxTestContext ctx) {
        relay.stream("/api/v1/stream")
                .compose(stream -> relay.metric("bousai_stream_subscribers{transport=\"sse\"}").map(open -> {
                    assertThat(open).isEqualTo(1.0);
                    return stream;
                }))
                .compose(stream -> relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY)
                        .compose(v -> relay.post(Examples.fresh(Examples.ORDER), "wrong"))
                        .compose(v -> stream.advisories(1)))
                .compose(v -> Future.all(
                        relay.metric("bousai_advisories_accepted_total{format=\"json\"}"),
                        relay.metric("bousai_advisories_rejected_total{format=\"json\",reason=\"unauthorized\"}"),
                        relay.metric("bousai_ingest_duration_seconds_count{format=\"json\"}"),
                        relay.metric("bousai_deliveries_total{channel=\"sse\"}"),
                        relay.metric("bousai_publish_to_write_seconds_count{channel=\"sse\"}"),
                        relay.web().get("/metrics").send()))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertThat((Double) all.resultAt(0)).isEqualTo(1.0);
                    assertThat((Double) all.resultAt(1)).isEqualTo(1.0);
                    assertThat((Double) all.resultAt(2)).isEqualTo(1.0);
                    assertThat((Double) all.resultAt(3)).isEqualTo(1.0);
                    assertThat((Double) all.resultAt(4)).isEqualTo(1.0);
                    io.vertx.ext.web.client.HttpResponse<?> scrape = all.resultAt(5);
                    assertThat(scrape.getHeader("Content-Type")).startsWith("text/plain");
                    assertThat(scrape.bodyAsString()).contains("jvm_memory_used_bytes").contains("bousai_store_pending_writes");
                    ctx.completeNow();
                })));
    }

    @Test
    void readyWhileTheStoreIsOpenNotAfter(VertxTestContext ctx) {
        relay.web().get("/health/ready").send()
                .compose(ready -> relay.relay().log().close().compose(v -> relay.web().get("/health/ready").send())
                        .map(closed -> new io.vertx.ext.web.client.HttpResponse<?>[] {ready, closed}))
                .compose(both -> relay.web().get("/health/live").send().map(live -> {
                    assertThat(live.statusCode()).isEqualTo(200);
                    return both;
                }))
                .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
                    assertThat(both[0].statusCode()).isEqualTo(200);
                    assertThat(both[0].bodyAsJsonObject().getString("status")).isEqualTo("UP");
                    assertThat(both[1].statusCode()).isEqualTo(503);
                    assertThat(both[1].bodyAsJsonObject().getJsonObject("checks").getString("store")).isEqualTo("DOWN");
                    ctx.completeNow();
                })));
    }

    @Test
    void aSenderCutOffMidRequestLeavesNothingStored(Vertx vertx, VertxTestContext ctx) {
        String body = Examples.fresh(Examples.ORDER).toString();
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String head = "POST /api/v1/advisories HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + CHIYODA_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        Promise<Void> closed = Promise.promise();
        vertx.createNetClient().connect(relay.port(), "127.0.0.1")
                .compose(socket -> {
                    socket.closeHandler(v -> closed.tryComplete());
                    return socket.write(head + body.substring(0, body.length() / 2)).map(socket);
                })
                .compose(NetSocket::close)
                .compose(v -> closed.future())
                .compose(v -> relay.issue(Examples.fresh(Examples.SHELTERS), CHIYODA_KEY))
                .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
                    assertThat(reply.getLong("seq")).as("the cut-off request took no sequence number").isEqualTo(1);
                    ctx.completeNow();
                })));
    }
}
