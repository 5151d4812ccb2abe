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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.log.EarlierRevision;
import jp.bousai.relay.server.store.StoreOptions;
import jp.bousai.relay.server.testing.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version names its document's earlier revisions (what CAP references are built from, and
 * where each was published, which MQTT clears when a revision leaves an area) when it
 * is committed and whenever it is read back, also after the history was pruned and the log
 * reopened.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class StoredRevisionsTest {

    @TempDir
    Path dataDir;

    private Future<SqliteAdvisoryLog> open(Vertx vertx) {
        return SqliteAdvisoryLog.open(vertx, new StoreOptions(StoreOptions.DEFAULT_KIND, dataDir, 1_000, 64, 2, Duration.ofDays(30)),
                Clock.systemUTC(), advisory -> List.of());
    }

    private static EarlierRevision earlier(int revision, String reportTime) {
        return new EarlierRevision(revision, JisCode.parse("131016"), OffsetDateTime.parse(reportTime), Mode.ACTUAL,
                Category.EVACUATION_ORDER, List.of(JisCode.parse("131016")));
    }

    @Test
    void aVersionNamesItsEarlierRevisionsAfterPruningAndReopening(Vertx vertx, VertxTestContext ctx) {
        ObjectNode report = Examples.fresh(Examples.ORDER).put("reportTime", "2026-09-01T09:00:00+09:00");
        String documentId = report.get("documentId").asText();
        ObjectNode update = Examples.revision(report, 2).put("reportTime", "2026-09-01T09:20:00+09:00");
        ObjectNode cancel = Examples.revision(report, 3).put("type", "Cancel")
                .put("reportTime", "2026-09-01T09:40:00+09:00");
        List<EarlierRevision> beforeThree = List.of(earlier(1, "2026-09-01T09:00:00+09:00"),
                earlier(2, "2026-09-01T09:20:00+09:00"));
        open(vertx).compose(log -> log.append(Examples.submission(report))
                        .compose(first -> log.append(Examples.submission(update)))
                        .compose(second -> log.append(Examples.submission(cancel)))
                        .compose(third -> log.pruneHistory(Instant.now().plus(Duration.ofDays(1))).map(third))
                        .compose(third -> log.close().map(third)))
                .compose(third -> open(vertx).compose(reopened -> reopened.document(documentId, Instant.now())
                        .compose(found -> reopened.close().map(List.of(third, found.orElseThrow())))))
                .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
                    var committed = ((AppendOutcome.Accepted) results.get(0)).record();
                    assertThat(committed.earlier()).containsExactlyElementsOf(beforeThree);
                    var readBack = ((jp.bousai.relay.core.log.CurrentAdvisory) results.get(1)).record();
                    assertThat(readBack.advisory().revision()).isEqualTo(3);
                    assertThat(readBack.earlier()).containsExactlyElementsOf(beforeThree);
                    ctx.completeNow();
                })));
    }
}
