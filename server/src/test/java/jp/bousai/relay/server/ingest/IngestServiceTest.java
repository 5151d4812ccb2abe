package jp.bousai.relay.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.adapters.json.JsonFormat;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.server.metrics.RelayMetrics;
import jp.bousai.relay.server.store.StoreOptions;
import jp.bousai.relay.server.store.sqlite.SqliteAdvisoryLog;
import jp.bousai.relay.server.testing.Examples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest service on its own, with no HTTP in front, as the officers' console will call it: an
 * issuer known from elsewhere, the outcome with its record, the same counting as over HTTP.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class IngestServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T01:00:00Z"), ZoneOffset.UTC);
    private static final Issuer OFFICER = Issuer.forSender("officer-1", JisCode.parse("131016"));

    @TempDir
    Path dataDir;
    private SqliteAdvisoryLog log;
    private final RelayMetrics metrics = new RelayMetrics();
    private IngestService ingest;

    @BeforeEach
    void open(Vertx vertx, VertxTestContext ctx) {
        SqliteAdvisoryLog.open(vertx, new StoreOptions(StoreOptions.DEFAULT_KIND, dataDir, 1_000, 64, 2, Duration.ofDays(30)), CLOCK,
                advisory -> List.of()).onComplete(ctx.succeeding(opened -> {
                    log = opened;
                    ingest = new IngestService(vertx, log, metrics, CLOCK);
                    ctx.completeNow();
                }));
    }

    @AfterEach
    void close(VertxTestContext ctx) {
        log.close().onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void acceptsFromAnIssuerGivenDirectlyWithTheRecordThenAnswersTheDuplicate(VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        order.remove("sender");
        byte[] body = order.toString().getBytes(StandardCharsets.UTF_8);
        ingest.submit(Inbound.of(new JsonFormat(), body), OFFICER, System.nanoTime())
                .compose(first -> ingest.submit(Inbound.of(new JsonFormat(), body), OFFICER, System.nanoTime())
                        .map(second -> List.of(first, second)))
                .onComplete(ctx.succeeding(outcomes -> ctx.verify(() -> {
                    var accepted = (AppendOutcome.Accepted) outcomes.get(0);
                    assertThat(accepted.record().seq()).isEqualTo(1);
                    assertThat(accepted.record().format()).isEqualTo("json");
                    assertThat(accepted.record().advisory().sender().code()).as("filled in from the issuer")
                            .isEqualTo(OFFICER.sender());
                    assertThat(outcomes.get(1)).isInstanceOf(AppendOutcome.Duplicate.class);
                    assertThat(outcomes.get(1).seq()).isEqualTo(1);
                    assertThat(metric("bousai_advisories_accepted_total{format=\"json\"}")).isEqualTo(1.0);
                    assertThat(metric("bousai_advisories_duplicate_total{format=\"json\"}")).isEqualTo(1.0);
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesWithEveryFieldErrorCountsItAndStoresNothing(VertxTestContext ctx) {
        ObjectNode ended = Examples.fresh(Examples.ORDER).put("reportTime", "2026-09-01T08:00:00+09:00")
                .put("validUntil", "2026-09-01T09:00:00+09:00");
        ended.putObject("headline").put("ja", "");
        byte[] body = ended.toString().getBytes(StandardCharsets.UTF_8);
        ingest.submit(Inbound.of(new JsonFormat(), body), OFFICER, System.nanoTime())
                .onComplete(ctx.failing(refused -> {
                    ctx.verify(() -> {
                        assertThat(refused).isInstanceOf(ProblemException.class);
                        ProblemException problem = (ProblemException) refused;
                        assertThat(problem.type()).isEqualTo(ProblemType.INVALID);
                        assertThat(problem.errors()).extracting(error -> error.pointer())
                                .contains("/validUntil", "/headline/ja");
                        assertThat(metric("bousai_advisories_rejected_total{format=\"json\",reason=\"invalid-advisory\"}"))
                                .isEqualTo(1.0);
                    });
                    log.after(0, AdvisoryFilter.ACTUAL_EVERYWHERE, 10).onComplete(ctx.succeeding(replay -> ctx.verify(() -> {
                        assertThat(replay.records()).isEmpty();
                        assertThat(replay.headSeq()).isZero();
                        ctx.completeNow();
                    })));
                }));
    }

    private double metric(String series) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0.0;
    }
}
