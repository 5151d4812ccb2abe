package jp.bousai.relay.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full disk as a sender and a load balancer see it: 503 for what could not be stored, readiness
 * down while it lasts, and 201 again without a restart once space is back. Logs the time from
 * space back to the first 201 (a sender retrying every 20 ms).
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DiskFullOverHttpTest extends RelayTest {

    private static final Logger LOG = LoggerFactory.getLogger(DiskFullOverHttpTest.class);

    private static ObjectNode large() {
        ObjectNode advisory = Examples.fresh(Examples.ORDER);
        advisory.putObject("text").put("ja", "避難してください。".repeat(800));
        return advisory;
    }

    @Test
    void aFullDiskIs503AndNotReadyUntilSpaceIsBackThen201WithoutARestart(Vertx vertx, VertxTestContext ctx) {
        SqliteAdvisoryLog log = (SqliteAdvisoryLog) relay.relay().log();
        log.limitPages(1)
                .compose(full -> postUntil(vertx, 503))
                .compose(refused -> relay.web().get("/health/ready").send().map(ready -> {
                    ctx.verify(() -> {
                        assertThat(ready.statusCode()).isEqualTo(503);
                        assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getString("store")).isEqualTo("DOWN");
                    });
                    return refused;
                }))
                .compose(refused -> {
                    long spaceBack = System.nanoTime();
                    return log.limitPages(SqliteConnections.NO_PAGE_LIMIT).compose(v -> postUntil(vertx, 201))
                            .map(accepted -> {
                                LOG.info("[measure] free space back to the first 201: {} ms",
                                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spaceBack));
                                return accepted;
                            });
                })
                .compose(accepted -> relay.web().get("/health/ready").send())
                .onComplete(ctx.succeeding(ready -> ctx.verify(() -> {
                    assertThat(ready.statusCode()).isEqualTo(200);
                    ctx.completeNow();
                })));
    }

    /** Posts a new large advisory every 20 ms until one is answered {@code status}. */
    private Future<HttpResponse<Buffer>> postUntil(Vertx vertx, int status) {
        Promise<HttpResponse<Buffer>> done = Promise.promise();
        postAgain(vertx, status, done);
        return done.future();
    }

    private void postAgain(Vertx vertx, int status, Promise<HttpResponse<Buffer>> done) {
        relay.post(large(), RelayFixture.CHIYODA_KEY).onComplete(answer -> {
            if (answer.succeeded() && answer.result().statusCode() == status) {
                done.complete(answer.result());
            } else {
                vertx.setTimer(20, id -> postAgain(vertx, status, done));
            }
        });
    }
}
