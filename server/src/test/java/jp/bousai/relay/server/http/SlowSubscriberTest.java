package jp.bousai.relay.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.CutOffs;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.SseClient;
import jp.bousai.relay.server.testing.SseEvent;
import org.junit.jupiter.api.Test;

@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class SlowSubscriberTest extends RelayTest {

    @Override
    protected Map<String, String> environment() {
        return Map.of("BOUSAI_STREAM_MAX_PENDING_BYTES", "65536");
    }

    @Test
    void aStalledSubscriberIsCutOffWithoutHoldingBackOthersAndResumesWithoutLoss(VertxTestContext ctx) {
        Future<SseClient> stalled = relay.stream("/api/v1/stream");
        Future<SseClient> healthy = relay.stream("/api/v1/stream");
        Future.all(stalled, healthy)
                .compose(v -> {
                    stalled.result().pause();
                    return CutOffs.postUntilCutOff(relay, "sse");
                })
                .compose(posted -> healthy.result().advisories(posted).compose(fast -> {
                    stalled.result().resume();
                    return stalled.result().until(events -> stalled.result().ended());
                }).map(slow -> List.of(posted, slow)))
                .compose(result -> {
                    int posted = (Integer) result.get(0);
                    @SuppressWarnings("unchecked")
                    List<SseEvent> slow = (List<SseEvent>) result.get(1);
                    SseEvent cutoff = slow.get(slow.size() - 1);
                    assertThat(cutoff.event()).isEqualTo("cutoff");
                    long lastSeq = cutoff.json().getLong("lastSeq");
                    assertThat(slow.stream().filter(e -> e.event().equals("advisory")).map(SseEvent::seq).toList())
                            .as("everything written before the cut-off arrives in order")
                            .isEqualTo(java.util.stream.LongStream.rangeClosed(1, lastSeq).boxed().toList());
                    return relay.stream("/api/v1/stream", MultiMap.caseInsensitiveMultiMap()
                                    .add("Last-Event-ID", Long.toString(lastSeq)))
                            .compose(resumed -> resumed.untilSeq(posted))
                            .map(resumed -> Map.entry(lastSeq, resumed));
                })
                .onComplete(ctx.succeeding(resumed -> ctx.verify(() -> {
                    List<Long> seqs = resumed.getValue().stream().filter(e -> e.event().equals("advisory"))
                            .map(SseEvent::seq).toList();
                    assertThat(seqs.get(0)).isEqualTo(resumed.getKey() + 1);
                    assertThat(seqs).doesNotHaveDuplicates().isSorted();
                    ctx.completeNow();
                })));
    }
}
