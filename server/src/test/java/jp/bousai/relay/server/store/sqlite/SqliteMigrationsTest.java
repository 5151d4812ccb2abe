package jp.bousai.relay.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.core.channel.ChannelRoutes;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.server.store.StoreKinds;
import jp.bousai.relay.server.store.StoreOptions;
import jp.bousai.relay.server.testing.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The schema version of a data dir: set when it is new, recorded for one from before versioning, refused when newer. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class SqliteMigrationsTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewDataDirGetsTheLatestVersionAndASecondStartChangesNothing(Vertx vertx, VertxTestContext ctx) {
        String documentId = "migrations-" + System.nanoTime();
        open(vertx).compose(store -> store.append(Examples.submission(Examples.fresh(Examples.ORDER)
                        .put("documentId", documentId))).compose(appended -> store.close()))
                .compose(v -> {
                    ctx.verify(() -> assertThat(userVersion()).isEqualTo(SqliteMigrations.latest()));
                    return open(vertx);
                })
                .compose(again -> again.document(documentId, Instant.now()).compose(found -> again.close().map(found)))
                .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
                    assertThat(found).isPresent();
                    assertThat(userVersion()).isEqualTo(SqliteMigrations.latest());
                    ctx.completeNow();
                })));
    }

    @Test
    void aDataDirFromBeforeVersioningKeepsItsDataAndIsRecorded(Vertx vertx, VertxTestContext ctx) {
        String documentId = "before-versioning-" + System.nanoTime();
        open(vertx).compose(store -> store.append(Examples.submission(Examples.fresh(Examples.ORDER)
                        .put("documentId", documentId))).compose(appended -> store.close().map(appended)))
                .compose(appended -> {
                    ctx.verify(() -> setUserVersion(0)); // the tables as before, without a version
                    return open(vertx).compose(reopened -> reopened.document(documentId, Instant.now())
                            .compose(found -> reopened.append(Examples.submission(Examples.fresh(Examples.ORDER)))
                                    .compose(next -> reopened.close().map(next)))
                            .map(next -> {
                                assertThat(next.seq()).as("the stored head goes on").isEqualTo(appended.seq() + 1);
                                return next;
                            }));
                })
                .onComplete(ctx.succeeding(next -> ctx.verify(() -> {
                    assertThat(next).isInstanceOf(AppendOutcome.Accepted.class);
                    assertThat(userVersion()).isEqualTo(SqliteMigrations.latest());
                    ctx.completeNow();
                })));
    }

    @Test
    void aDataDirFromANewerVersionIsRefused(Vertx vertx, VertxTestContext ctx) {
        open(vertx).compose(store -> store.close())
                .compose(v -> {
                    ctx.verify(() -> setUserVersion(SqliteMigrations.latest() + 1));
                    return open(vertx);
                })
                .onComplete(ctx.failing(refused -> ctx.verify(() -> {
                    assertThat(refused).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("schema version " + (SqliteMigrations.latest() + 1))
                            .hasMessageContaining("newer bousai-relay");
                    assertThat(userVersion()).as("left as it was").isEqualTo(SqliteMigrations.latest() + 1);
                    ctx.completeNow();
                })));
    }

    private Future<SqliteAdvisoryLog> open(Vertx vertx) {
        return SqliteAdvisoryLog.open(vertx, new StoreOptions(StoreKinds.SQLITE, dataDir, 100, 16, 1, Duration.ofDays(30)),
                Clock.systemUTC(), ChannelRoutes.NONE);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteAdvisoryLog.FILE_NAME));
    }

    private int userVersion() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.getInt("user_version");
        }
    }

    private void setUserVersion(int version) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + version);
        }
    }
}
