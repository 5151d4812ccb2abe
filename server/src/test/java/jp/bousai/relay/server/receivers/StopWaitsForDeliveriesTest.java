package jp.bousai.relay.server.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.bousai.relay.server.outbox.OutboxDispatcher;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.LogCapture;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/**
 * Stopping the relay while a receiver has not yet answered: the stop waits for that answer
 * (released by the test), the connection is not cut, and the delivery is recorded as delivered,
 * so that it is not sent again after a restart.
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class StopWaitsForDeliveriesTest extends RelayTest {

    @Override
    protected java.util.Map<String, String> environment() {
        return java.util.Map.of("BOUSAI_RECEIVER_URLS_ALLOW_PRIVATE_ADDRESSES", "true");
    }

    @Test
    void stoppingWaitsForTheAttemptInFlightAndRecordsItsOutcome(Vertx vertx) throws Exception {
        Promise<HttpServerResponse> held = Promise.promise();
        AtomicBoolean connectionClosed = new AtomicBoolean();
        TestReceiver receiver = TestReceiver.start(vertx).await(10, TimeUnit.SECONDS);
        receiver.answering((request, response) -> {
            response.closeHandler(closed -> connectionClosed.set(true));
            held.tryComplete(response);
        });
        relay.addReceiver(MediaDeliveryTest.webhook("late", receiver).put("timeoutSeconds", 30))
                .await(10, TimeUnit.SECONDS);
        ObjectNode order = Examples.fresh(Examples.ORDER);
        String documentId = order.get("documentId").asText();
        relay.issue(order, RelayFixture.CHIYODA_KEY).await(10, TimeUnit.SECONDS);
        HttpServerResponse response = held.future().await(20, TimeUnit.SECONDS);

        Future<Void> stopped;
        try (LogCapture log = LogCapture.of(OutboxDispatcher.class)) {
            stopped = relay.stop();
            assertThat(log.awaitLines(1, Duration.ofSeconds(20)))
                    .anyMatch(line -> line.contains("receiver:late") && line.contains("waiting for 1 attempts"));
        }
        assertThat(stopped.isComplete()).as("stop waits for the receiver's answer").isFalse();
        assertThat(connectionClosed).as("the delivery's connection is not cut").isFalse();

        vertx.runOnContext(v -> response.setStatusCode(204).end());
        stopped.await(20, TimeUnit.SECONDS);

        relay = RelayFixture.start(vertx, dataDir, environment()).await(30, TimeUnit.SECONDS);
        JsonObject receipts = relay.deliveries(documentId).await(10, TimeUnit.SECONDS);
        JsonObject late = MediaDeliveryTest.channel(receipts, "receiver:late");
        assertThat(late.getString("status")).isEqualTo("delivered");
        assertThat(late.getJsonArray("versions").getJsonObject(0).getInteger("attempts")).isEqualTo(1);
        assertThat(receiver.requests()).hasSize(1);
    }
}
