package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static jp.bousai.relay.server.testing.RelayFixture.OSAKA_KEY;
import static jp.bousai.relay.server.testing.RelayFixture.TOKYO_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.SseClient;
import jp.bousai.relay.server.testing.SseEvent;
import org.junit.jupiter.api.Test;

@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class StreamTest extends RelayTest {

    static ObjectNode osakaOrder() {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        order.remove("sender");
        ((ObjectNode) order.withArray("areas").get(0)).put("code", "271004").put("name", "大阪市");
        return order;
    }

    static ObjectNode exercise() {
        return Examples.fresh(Examples.ORDER).put("mode", "Exercise");
    }

    private static List<Long> seqs(List<SseEvent> events) {
        return events.stream().filter(e -> e.event().equals("advisory")).map(SseEvent::seq).toList();
    }

    @Test
    void tokyoSubscriberGetsChiyodasOrderAndOsakaSubscriberDoesNot(VertxTestContext ctx) {
        Future<SseClient> tokyo = relay.stream("/api/v1/stream?area=13");
        Future<SseClient> osaka = relay.stream("/api/v1/stream?area=27");
        Future.all(tokyo, osaka)
                .compose(v -> relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY))
                .compose(v -> relay.issue(osakaOrder(), OSAKA_KEY))
                .compose(v -> Future.all(tokyo.result().advisories(1), osaka.result().advisories(1)))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    List<SseEvent> tokyoEvents = all.resultAt(0);
                    List<SseEvent> osakaEvents = all.resultAt(1);
                    assertThat(tokyoEvents.get(0).id()).isEqualTo("1");
                    assertThat(tokyoEvents.get(0).json().getJsonObject("advisory").getString("category"))
                            .isEqualTo("EvacuationOrder");
                    assertThat(osakaEvents).extracting(SseEvent::id).as("Chiyoda's order (seq 1) never reaches Osaka")
                            .containsExactly("2");
                    ctx.completeNow();
                })));
    }

    @Test
    void municipalitySubscriberGetsItsOwnAndPrefectureWideAdvisoriesOnly(VertxTestContext ctx) {
        ObjectNode minato = Examples.fresh(Examples.ORDER);
        minato.remove("sender");
        ((ObjectNode) minato.withArray("areas").get(0)).put("code", "131032").put("name", "港区");
        ObjectNode tokyoWide = Examples.fresh(Examples.SHELTERS);
        tokyoWide.remove("sender");
        ((ObjectNode) tokyoWide.withArray("areas").get(0)).put("code", "130001").put("name", "東京都");
        relay.stream("/api/v1/stream?area=131016")
                .compose(chiyoda -> relay.issue(minato, TOKYO_KEY)
                        .compose(v -> relay.issue(tokyoWide, TOKYO_KEY))
                        .compose(v -> relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY))
                        .compose(v -> chiyoda.advisories(2)))
                .onComplete(ctx.succeeding(events -> ctx.verify(() -> {
                    assertThat(seqs(events)).containsExactly(2L, 3L);
                    ctx.completeNow();
                })));
    }

    @Test
    void resumesFromLastEventIdWithoutGapOrDuplicateWhilePublishing(VertxTestContext ctx) {
        int before = 10;
        int during = 40;
        Future<Void> first = Future.succeededFuture();
        for (int i = 0; i < before; i++) {
            first = first.compose(v -> relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY).mapEmpty());
        }
        first.compose(v -> {
            List<Future<JsonObject>> posts = new ArrayList<>();
            Future<SseClient> stream = relay.stream("/api/v1/stream", MultiMap.caseInsensitiveMultiMap()
                    .add("Last-Event-ID", "3"));
            for (int i = 0; i < during; i++) {
                posts.add(relay.issue(Examples.fresh(Examples.SHELTERS), CHIYODA_KEY));
            }
            return Future.all(posts).compose(all -> stream).compose(client -> client.untilSeq(before + during));
        }).onComplete(ctx.succeeding(events -> ctx.verify(() -> {
            assertThat(seqs(events)).containsExactlyElementsOf(
                    LongStream.rangeClosed(4, before + during).boxed().toList());
            ctx.completeNow();
        })));
    }

    @Test
    void sinceParameterAndPagedReplayServeLongHistories(Vertx vertx, VertxTestContext ctx) {
        RelayFixture.start(vertx, dataDir.resolve("paged"), java.util.Map.of("BOUSAI_STREAM_REPLAY_PAGE_SIZE", "3"))
                .compose(paged -> {
                    Future<Void> posted = Future.succeededFuture();
                    for (int i = 0; i < 10; i++) {
                        posted = posted.compose(v -> paged.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY).mapEmpty());
                    }
                    return posted.compose(v -> paged.stream("/api/v1/stream?since=0"))
                            .compose(client -> client.untilSeq(10))
                            .eventually(paged::stop);
                })
                .onComplete(ctx.succeeding(events -> ctx.verify(() -> {
                    assertThat(seqs(events)).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
                    ctx.completeNow();
                })));
    }

    @Test
    void idleStreamsGetHeartbeats(Vertx vertx, VertxTestContext ctx) {
        RelayFixture.start(vertx, dataDir.resolve("heartbeat"), java.util.Map.of("BOUSAI_STREAM_HEARTBEAT", "100ms"))
                .compose(fast -> fast.stream("/api/v1/stream").compose(client -> client.heartbeats(2))
                        .eventually(fast::stop))
                .onComplete(ctx.succeeding(count -> ctx.verify(() -> {
                    assertThat(count).isGreaterThanOrEqualTo(2);
                    ctx.completeNow();
                })));
    }

    @Test
    void drillsReachOnlySubscribersWhoAskForThem(VertxTestContext ctx) {
        Future<SseClient> actualOnly = relay.stream("/api/v1/stream?area=13");
        Future<SseClient> drills = relay.stream("/api/v1/stream?area=13&mode=Exercise");
        Future.all(actualOnly, drills)
                .compose(v -> relay.issue(exercise(), CHIYODA_KEY))
                .compose(v -> relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY))
                .compose(v -> Future.all(actualOnly.result().advisories(1), drills.result().advisories(1)))
                .compose(all -> relay.getJson("/api/v1/advisories").map(list -> {
                    assertThat(list.getJsonArray("advisories")).hasSize(1);
                    return all;
                }))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    List<SseEvent> actual = all.resultAt(0);
                    List<SseEvent> drill = all.resultAt(1);
                    assertThat(actual).extracting(SseEvent::id).containsExactly("2");
                    assertThat(drill).extracting(SseEvent::id).containsExactly("1");
                    assertThat(drill.get(0).json().getJsonObject("advisory").getString("mode")).isEqualTo("Exercise");
                    ctx.completeNow();
                })));
    }

    @Test
    void snapshotSendsWhatIsPublishedThenContinuesLive(VertxTestContext ctx) {
        relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY)
                .compose(v -> relay.issue(Examples.fresh(Examples.SHELTERS), CHIYODA_KEY))
                .compose(v -> relay.stream("/api/v1/stream?area=131016&snapshot=true"))
                .compose(client -> client.until(events -> events.stream().anyMatch(e -> e.event().equals("snapshot-end")))
                        .compose(v -> relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY))
                        .compose(v -> client.advisories(1)).map(v -> client.events()))
                .onComplete(ctx.succeeding(events -> ctx.verify(() -> {
                    assertThat(events).extracting(SseEvent::event)
                            .containsExactly("snapshot", "snapshot", "snapshot-end", "advisory");
                    assertThat(events.get(0).json().getString("state")).isEqualTo("active");
                    assertThat(events.get(0).id()).as("snapshot items carry no id").isNull();
                    assertThat(events.get(2).id()).isEqualTo("2");
                    assertThat(events.get(3).id()).isEqualTo("3");
                    ctx.completeNow();
                })));
    }

    @Test
    void snapshotsLargerThanAPageArriveWhole(Vertx vertx, VertxTestContext ctx) {
        RelayFixture.start(vertx, dataDir.resolve("paged"), java.util.Map.of("BOUSAI_STREAM_REPLAY_PAGE_SIZE", "2"))
                .compose(paged -> {
                    Future<Void> posted = Future.succeededFuture();
                    for (int i = 0; i < 5; i++) {
                        posted = posted.compose(v -> paged.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY).mapEmpty());
                    }
                    return posted.compose(v -> paged.stream("/api/v1/stream?snapshot=true"))
                            .compose(client -> client.until(events -> events.stream()
                                    .anyMatch(e -> e.event().equals("snapshot-end"))))
                            .eventually(paged::stop);
                })
                .onComplete(ctx.succeeding(events -> ctx.verify(() -> {
                    assertThat(events.stream().filter(e -> e.event().equals("snapshot")).map(SseEvent::seq).toList())
                            .containsExactly(1L, 2L, 3L, 4L, 5L);
                    assertThat(events.get(events.size() - 1).json().getInteger("count")).isEqualTo(5);
                    ctx.completeNow();
                })));
    }

    @Test
    void saysSoWhenTheResumePointIsNoLongerRetained(VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        ObjectNode update = order.deepCopy().put("distributionId", "u2").put("revision", 2).put("type", "Update");
        relay.issue(order, CHIYODA_KEY)
                .compose(v -> relay.issue(update, CHIYODA_KEY))
                .compose(v -> {
                    relay.clock().advance(Duration.ofDays(31));
                    return relay.relay().log().pruneHistory(relay.clock().instant().minus(Duration.ofDays(30)));
                })
                .compose(firstRetained -> relay.stream("/api/v1/stream?since=0"))
                .compose(client -> client.until(events -> events.stream().anyMatch(e -> e.event().equals("snapshot-end"))))
                .onComplete(ctx.succeeding(events -> ctx.verify(() -> {
                    assertThat(events).extracting(SseEvent::event).containsExactly("gap", "snapshot", "snapshot-end");
                    JsonObject gap = events.get(0).json();
                    assertThat(gap.getLong("since")).isZero();
                    assertThat(gap.getLong("firstAvailableSeq")).isEqualTo(3);
                    assertThat(gap.getString("reason")).contains("no longer kept");
                    assertThat(events.get(1).json().getJsonObject("advisory").getInteger("revision")).isEqualTo(2);
                    ctx.completeNow();
                })));
    }

    @Test
    void saysSoWhenTheResumePointIsAheadOfTheLog(VertxTestContext ctx) {
        relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY)
                .compose(v -> relay.stream("/api/v1/stream?since=99"))
                .compose(client -> client.until(events -> events.stream().anyMatch(e -> e.event().equals("snapshot-end"))))
                .onComplete(ctx.succeeding(events -> ctx.verify(() -> {
                    assertThat(events.get(0).event()).isEqualTo("gap");
                    assertThat(events.get(0).json().getString("reason")).contains("ahead of the log");
                    assertThat(events).extracting(SseEvent::event).containsExactly("gap", "snapshot", "snapshot-end");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesBadFiltersNamingTheParameter(VertxTestContext ctx) {
        relay.web().get("/api/v1/stream?area=131017").send()
                .compose(area -> relay.web().get("/api/v1/stream?mode=Real").send().map(mode -> List.of(area, mode)))
                .compose(both -> relay.web().get("/api/v1/stream").putHeader("Last-Event-ID", "abc").send()
                        .map(id -> List.of(both.get(0), both.get(1), id)))
                .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
                    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
                    assertThat(responses.get(0).bodyAsJsonObject().getString("detail"))
                            .contains("'area'").contains("check digit");
                    assertThat(responses.get(1).bodyAsJsonObject().getString("detail"))
                            .contains("'mode'").contains("Actual, Exercise, Test, System");
                    assertThat(responses.get(2).bodyAsJsonObject().getString("detail")).contains("Last-Event-ID");
                    ctx.completeNow();
                })));
    }
}
