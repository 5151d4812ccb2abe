package jp.bousai.relay.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveriesTest {

    private static String event(String run, int index) {
        return "{\"type\":\"advisory\",\"record\":{\"seq\":" + index + ",\"advisory\":{\"documentId\":\"lt-" + run + "-"
                + index + "\"}}}";
    }

    @Test
    void countsDeliveriesDuplicatesAndLossesPerSubscriber() {
        Deliveries deliveries = new Deliveries("ws", new Issuer(null, null, "127.0.0.1", 0, "k", "ab12", 10), 0);
        deliveries.received(0, event("ab12", 0), 1);
        deliveries.received(0, event("ab12", 1), 1);
        deliveries.received(0, event("ab12", 1), 1);
        deliveries.received(1, event("ab12", 0), 1);
        deliveries.received(1, "{\"documentId\":\"someone-else\"}", 1);
        assertThat(deliveries.delivered()).isEqualTo(3);
        assertThat(deliveries.duplicates()).isEqualTo(1);
        assertThat(deliveries.losses(2, Set.of(0, 1))).as("subscriber 1 missed advisory 1").isEqualTo(1);
    }
}
