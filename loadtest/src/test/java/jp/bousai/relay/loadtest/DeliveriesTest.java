package jp.bousai.relay.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Set;
import jp.bousai.relay.core.area.JisCode;
import org.junit.jupiter.api.Test;

class DeliveriesTest {

    private static String event(String run, int index) {
        return "{\"type\":\"advisory\",\"record\":{\"seq\":" + index + ",\"advisory\":{\"documentId\":\"lt-" + run + "-"
                + index + "\"}}}";
    }

    private static void receive(Deliveries deliveries, int subscriber, String text) {
        Buffer bytes = Buffer.buffer(text);
        deliveries.received(subscriber, bytes, 0, bytes.length(), 1);
    }

    @Test
    void countsDeliveriesDuplicatesAndTheLossesEachInterestWouldNotice() {
        Issuer issuer = new Issuer(null, null, "ab12", 10, new Areas(1), 2, true);
        JisCode area = issuer.areaOf(0);
        Interest elsewhere = new Interest(area.prefectureNumber().equals("27") ? "13" : "27", null);
        Deliveries deliveries = new Deliveries("ws", issuer, 0,
                List.of(Interest.NATIONWIDE, new Interest(area.prefectureNumber(), area), elsewhere));
        receive(deliveries, 0, event("ab12", 0));
        receive(deliveries, 0, event("ab12", 1));
        receive(deliveries, 0, event("ab12", 1));
        receive(deliveries, 1, event("ab12", 0));
        receive(deliveries, 1, event("cd34", 1));
        receive(deliveries, 1, "{\"documentId\":\"someone-else\"}");
        assertThat(deliveries.delivered()).isEqualTo(3);
        assertThat(deliveries.duplicates()).isEqualTo(1);
        assertThat(deliveries.losses(Set.of(0, 1))).as("subscriber 1 missed advisory 1; subscriber 2 wants neither")
                .isEqualTo(1);
    }

    @Test
    void sseEventsAreFoundAcrossChunksAndOnlyThoseWithData() {
        Issuer issuer = new Issuer(null, null, "ab12", 10, new Areas(1), 2, true);
        Deliveries deliveries = new Deliveries("sse", issuer, 0, List.of(Interest.NATIONWIDE));
        SseFrameReader reader = new SseFrameReader(0, deliveries);
        String second = "id: 2\nevent: advisory\ndata: " + event("ab12", 1) + "\n\n";
        reader.handle(Buffer.buffer("retry: 3000\n\n: heartbeat\n\nid: 1\nevent: advisory\ndata: " + event("ab12", 0)
                + "\n\n" + second.substring(0, 20)));
        assertThat(deliveries.delivered()).isEqualTo(1);
        reader.handle(Buffer.buffer(second.substring(20, second.length() - 1)));
        assertThat(deliveries.delivered()).as("an event is whole only at its blank line").isEqualTo(1);
        reader.handle(Buffer.buffer("\n: heartbeat\n\n"));
        assertThat(deliveries.delivered()).isEqualTo(2);
        assertThat(deliveries.losses(Set.of(0, 1))).isZero();
    }

    @Test
    void interestsFollowAMunicipalityItsPrefectureOrTheCountry() {
        JisCode chiyoda = JisCode.parse("131016");
        JisCode chuo = JisCode.fromFiveDigits("13102");
        assertThat(new Interest("13", chiyoda).wants(chiyoda)).isTrue();
        assertThat(new Interest("13", chiyoda).wants(chuo)).isFalse();
        assertThat(new Interest("13", null).wants(chuo)).isTrue();
        assertThat(new Interest("27", null).wants(chuo)).isFalse();
        assertThat(Interest.NATIONWIDE.wants(chuo)).isTrue();
        assertThat(new Interest("13", chiyoda).topicFilter("bousai/v1")).isEqualTo("bousai/v1/actual/13/131016/#");
    }
}
