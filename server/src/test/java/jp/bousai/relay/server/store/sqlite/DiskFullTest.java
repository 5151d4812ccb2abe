package jp.bousai.relay.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.server.store.StoreOptions;
import jp.bousai.relay.server.testing.Examples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A full disk (the file capped with {@code PRAGMA max_page_count}) and the log's recovery from it. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DiskFullTest {

    private static final int SENDS = 40;

    @TempDir
    Path dataDir;
    private SqliteAdvisoryLog log;
    private final List<AdvisoryRecord> committed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open(Vertx vertx, VertxTestContext ctx) {
        StoreOptions options = new StoreOptions(StoreOptions.DEFAULT_KIND, dataDir, 1_000, 64, 2, Duration.ofDays(30));
        SqliteAdvisoryLog.open(vertx, options, Clock.systemUTC(), advisory -> List.of("test-channel"))
                .onComplete(ctx.succeeding(opened -> {
                    log = opened;
                    log.onCommitted(committed::add);
                    ctx.completeNow();
                }));
    }

    @AfterEach
    void close(VertxTestContext ctx) {
        log.close().onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aFullDiskStoresNothingItRefusesReportsTheStoreDownAndResumesWhenSpaceIsBack(Vertx vertx, VertxTestContext ctx) {
        List<ObjectNode> sent = new ArrayList<>();
        List<Future<AppendOutcome>> answers = new ArrayList<>();
        log.append(Examples.submission(large())).compose(first -> log.limitPages(1))
                .compose(full -> sendOneByOne(sent, answers))
                .compose(v -> {
                    ctx.verify(() -> {
                        assertThat(answers).as("the full disk refuses appends").anyMatch(Future::failed);
                        assertThat(answers.stream().filter(Future::failed).map(f -> ((ProblemException) f.cause()).type()))
                                .containsOnly(ProblemType.UNAVAILABLE);
                        assertThat(log.isOpen()).as("readiness reports the store down while writes fail").isFalse();
                    });
                    return checkStoredIffAccepted(sent, answers);
                })
                .compose(v -> log.limitPages(SqliteConnections.NO_PAGE_LIMIT))
                .compose(v -> until(vertx, log::isOpen))
                .compose(v -> log.append(Examples.submission(large())))
                .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
                    long accepted = answers.stream().filter(Future::succeeded).count();
                    assertThat(after).isInstanceOf(AppendOutcome.Accepted.class);
                    assertThat(after.seq()).as("the next append continues the stored head").isEqualTo(accepted + 2);
                    assertThat(committed).extracting(AdvisoryRecord::seq)
                            .containsExactlyElementsOf(range(accepted + 2));
                    ctx.completeNow();
                })));
    }

    /** Sends {@link #SENDS} large advisories, each after the answer to the one before. */
    private Future<Void> sendOneByOne(List<ObjectNode> sent, List<Future<AppendOutcome>> answers) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < SENDS; i++) {
            chain = chain.compose(v -> {
                ObjectNode advisory = large();
                sent.add(advisory);
                Future<AppendOutcome> answer = log.append(Examples.submission(advisory));
                answers.add(answer);
                return answer.transform(done -> Future.<Void>succeededFuture());
            });
        }
        return chain;
    }

    private Future<Void> checkStoredIffAccepted(List<ObjectNode> sent, List<Future<AppendOutcome>> answers) {
        List<Future<?>> checks = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            boolean accepted = answers.get(i).succeeded();
            String documentId = sent.get(i).get("documentId").asText();
            checks.add(log.document(documentId, Instant.now()).map(stored -> {
                assertThat(stored.isPresent()).as("document %s stored exactly when it was accepted", documentId)
                        .isEqualTo(accepted);
                return stored;
            }));
        }
        return Future.all(checks).mapEmpty();
    }

    private static ObjectNode large() {
        ObjectNode advisory = Examples.fresh(Examples.ORDER);
        advisory.putObject("text").put("ja", "避難してください。".repeat(800));
        return advisory;
    }

    private static Future<Void> until(Vertx vertx, java.util.function.BooleanSupplier condition) {
        Promise<Void> done = Promise.promise();
        vertx.setPeriodic(20, id -> {
            if (condition.getAsBoolean()) {
                vertx.cancelTimer(id);
                done.tryComplete();
            }
        });
        return done.future();
    }

    private static List<Long> range(long to) {
        List<Long> values = new ArrayList<>();
        for (long i = 1; i <= to; i++) {
            values.add(i);
        }
        return values;
    }
}
