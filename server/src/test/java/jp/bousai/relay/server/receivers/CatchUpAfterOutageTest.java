package jp.bousai.relay.server.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/**
 * A receiver that comes back after an outage gets what waited at once. Once every version has
 * failed, the relay's clock is turned back ten minutes: each waiting retry is then ten minutes
 * away, as after a long outage's backoff, so only the probe and the catch-up after it can deliver
 * within the test's timeout.
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class CatchUpAfterOutageTest extends RelayTest {

    /** The test receivers listen on loopback, which only this setting lets the admin API accept. */
    @Override
    protected java.util.Map<String, String> environment() {
        return java.util.Map.of("BOUSAI_RECEIVER_URLS_ALLOW_PRIVATE_ADDRESSES", "true");
    }

    private static final int DOCUMENTS = 6;

    @Test
    void aReceiverThatComesBackGetsEveryWaitingVersionWithoutWaitingOutItsBackoff(Vertx vertx, VertxTestContext ctx) {
        List<ObjectNode> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(Examples.fresh(Examples.ORDER));
        }
        TestReceiver.start(vertx)
                .compose(receiver -> relay.addReceiver(MediaDeliveryTest.webhook("returning", receiver))
                        .compose(added -> receiver.stop()).map(receiver))
                .compose(receiver -> {
                    Future<Void> issued = Future.succeededFuture();
                    for (ObjectNode document : documents) {
                        issued = issued.compose(v -> relay.issue(document, RelayFixture.CHIYODA_KEY)).mapEmpty();
                    }
                    return issued.compose(v -> Future.all(documents.stream().map(d -> relay.eventually(
                            () -> relay.deliveries(d.get("documentId").asText()),
                            r -> "failing".equals(MediaDeliveryTest.channel(r, "receiver:returning")
                                    .getString("status")))).toList())).map(receiver);
                })
                .compose(receiver -> {
                    relay.clock().advance(Duration.ofMinutes(-10));
                    return receiver.restart().map(receiver);
                })
                .compose(receiver -> receiver.until(requests -> requests.stream()
                        .map(r -> r.header("X-Bousai-Document")).distinct().count() == DOCUMENTS))
                .onComplete(ctx.succeeding(requests -> ctx.verify(() -> {
                    assertThat(requests).extracting(r -> r.header("X-Bousai-Document"))
                            .containsAll(documents.stream().map(d -> d.get("documentId").asText()).toList());
                    ctx.completeNow();
                })));
    }
}
