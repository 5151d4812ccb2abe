package jp.bousai.relay.feeds.sse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** SSE control events carry their reason as one JSON string, whatever characters it holds. */
class SseFramesTest {

    private static JsonObject data(String frame) {
        assertThat(frame).endsWith("\n\n");
        String[] lines = frame.substring(0, frame.length() - 2).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("data: ");
        return new JsonObject(lines[1].substring("data: ".length()));
    }

    @Test
    void aReasonWithQuotesAndANewlineStaysOneEscapedJsonString() {
        String reason = "fell \"behind\"\nevent: advisory";
        String cutOff = SseFrames.INSTANCE.cutOff(7, reason).toString();
        assertThat(cutOff).startsWith("event: cutoff\n");
        assertThat(data(cutOff)).isEqualTo(new JsonObject().put("lastSeq", 7).put("reason", reason));

        String gap = SseFrames.INSTANCE.gap(3, 10, 12, reason).toString();
        assertThat(gap).startsWith("event: gap\n");
        assertThat(data(gap)).isEqualTo(new JsonObject().put("since", 3).put("firstAvailableSeq", 10)
                .put("headSeq", 12).put("reason", reason));
    }
}
