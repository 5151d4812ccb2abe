package jp.bousai.relay.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.Page;
import jp.bousai.relay.core.channel.DeliveryOrder;
import jp.bousai.relay.core.channel.DeliveryState;
import jp.bousai.relay.core.channel.PendingDelivery;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.server.store.StoreOptions;
import jp.bousai.relay.server.testing.Examples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the SQLite log is checked for here: the outbox orders and receipts, and the current
 * view after a Cancel. The clauses every store shares are in {@code StoreContract}.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class SqliteAdvisoryLogTest {

    @TempDir
    Path dataDir;
    private SqliteAdvisoryLog log;

    private StoreOptions options() {
        return new StoreOptions(StoreOptions.DEFAULT_KIND, dataDir, 1_000, 64, 2, Duration.ofDays(30));
    }

    @BeforeEach
    void open(Vertx vertx, VertxTestContext ctx) {
        SqliteAdvisoryLog.open(vertx, options(), Clock.systemUTC(), advisory -> List.of("test-channel")).onComplete(ctx.succeeding(opened -> {
            log = opened;
            ctx.completeNow();
        }));
    }

    @AfterEach
    void close(VertxTestContext ctx) {
        log.close().onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void theOutboxHandsOutVersionsInOrderAndHoldsLaterOnesBehindARetry(VertxTestContext ctx) {
        Instant now = Instant.now();
        Future<Void> appended = Future.succeededFuture();
        for (int i = 0; i < 3; i++) {
            appended = appended.compose(v -> log.append(Examples.submission(Examples.fresh(Examples.ORDER))).mapEmpty());
        }
        var deliveries = log.deliveries();
        appended.compose(v -> deliveries.pending("test-channel", DeliveryOrder.TOTAL, now.plusSeconds(1), 10))
                .compose(all -> deliveries.failed("test-channel", all.get(0), now, now.plusSeconds(60), "broker down", false)
                        .map(all))
                .compose(all -> deliveries.pending("test-channel", DeliveryOrder.TOTAL, now.plusSeconds(1), 10).map(held -> {
                    assertThat(all).extracting(p -> p.record().seq()).containsExactly(1L, 2L, 3L);
                    assertThat(held).as("seq 1 waits for its retry, and 2 and 3 wait behind it").isEmpty();
                    return held;
                }))
                .compose(v -> deliveries.pending("test-channel", DeliveryOrder.TOTAL, now.plusSeconds(61), 10))
                .compose(due -> deliveries.delivered("test-channel", due.get(0), now.plusSeconds(61), now.plusSeconds(62),
                        false).map(due))
                .compose(due -> log.pruneHistory(now.plusSeconds(3600)).map(due))
                .compose(due -> deliveries.pending("test-channel", DeliveryOrder.TOTAL, now.plusSeconds(61), 10).map(rest -> {
                    assertThat(due).extracting(p -> p.record().seq(), PendingDelivery::attempts)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1),
                                    org.assertj.core.groups.Tuple.tuple(2L, 0), org.assertj.core.groups.Tuple.tuple(3L, 0));
                    return rest;
                }))
                .onComplete(ctx.succeeding(rest -> ctx.verify(() -> {
                    assertThat(rest).as("pending versions survive pruning").extracting(p -> p.record().seq())
                            .containsExactly(2L, 3L);
                    ctx.completeNow();
                })));
    }

    @Test
    void perDocumentOrderLetsOthersPassARetryAndKeepsReceipts(VertxTestContext ctx) {
        Instant now = Instant.now();
        var first = Examples.fresh(Examples.ORDER);
        var deliveries = log.deliveries();
        log.append(Examples.submission(first))
                .compose(v -> log.append(Examples.submission(Examples.fresh(Examples.ORDER))))
                .compose(v -> deliveries.pending("test-channel", DeliveryOrder.PER_DOCUMENT, now.plusSeconds(1), 10))
                .compose(both -> deliveries.failed("test-channel", both.get(0), now, now.plusSeconds(60), "HTTP 503", true))
                .compose(v -> deliveries.pending("test-channel", DeliveryOrder.PER_DOCUMENT, now.plusSeconds(1), 10))
                .compose(due -> {
                    ctx.verify(() -> assertThat(due).as("another document passes the one waiting for its retry")
                            .extracting(p -> p.record().seq()).containsExactly(2L));
                    return log.append(Examples.submission(Examples.revision(first, 2)));
                })
                .compose(v -> deliveries.pending("test-channel", DeliveryOrder.PER_DOCUMENT, now.plusSeconds(1), 10))
                .compose(due -> deliveries.delivered("test-channel", due.get(due.size() - 1), now.plusSeconds(2),
                        now.plusSeconds(3), true))
                .compose(v -> deliveries.receipts(first.get("documentId").asText()))
                .onComplete(ctx.succeeding(receipts -> ctx.verify(() -> {
                    assertThat(receipts).extracting(r -> r.seq(), r -> r.state(), r -> r.attempts(), r -> r.lastError())
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, DeliveryState.SUPERSEDED, 1, "HTTP 503"),
                                    org.assertj.core.groups.Tuple.tuple(3L, DeliveryState.DELIVERED, 1, null));
                    assertThat(receipts.get(1).deliveredAt()).isEqualTo(now.plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                    ctx.completeNow();
                })));
    }

    @Test
    void nothingMayFollowACancel(VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        ObjectNode cancel = order.deepCopy().put("distributionId", "c").put("revision", 2).put("type", "Cancel");
        cancel.remove("evacuation");
        ObjectNode after = order.deepCopy().put("distributionId", "u").put("revision", 3).put("type", "Update");
        log.append(Examples.submission(order))
                .compose(x -> log.append(Examples.submission(cancel)))
                .compose(x -> refusal(log.append(Examples.submission(after))))
                .compose(refused -> log.current(AdvisoryFilter.ACTUAL_EVERYWHERE, Instant.now(), Page.oldestFirst(0, 10)).map(view -> {
                    assertThat(refused.detail()).contains("was cancelled at revision 2");
                    return view;
                }))
                .onComplete(ctx.succeeding(view -> ctx.verify(() -> {
                    assertThat(view.advisories()).isEmpty();
                    assertThat(view.headSeq()).isEqualTo(2);
                    ctx.completeNow();
                })));
    }

    /** The problem an operation was refused with; fails when it was not refused. */
    static Future<ProblemException> refusal(Future<?> operation) {
        return operation.transform(result -> result.failed() && result.cause() instanceof ProblemException problem
                ? Future.succeededFuture(problem)
                : Future.failedFuture(new AssertionError("expected a refusal, got " + result.result())));
    }
}
