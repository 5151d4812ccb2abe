package jp.bousai.relay.server.store.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import jp.bousai.relay.core.channel.ChannelRoutes;
import jp.bousai.relay.core.store.RelayStore;
import jp.bousai.relay.server.store.StoreContract;
import jp.bousai.relay.server.store.StoreKinds;
import jp.bousai.relay.server.store.StoreOptions;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against real SQLite files; a full disk is a file capped at its size. */
class SqliteStoreContractTest extends StoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected Future<RelayStore> openStore(Vertx vertx, ChannelRoutes routes) {
        StoreOptions options = new StoreOptions(StoreKinds.SQLITE, dataDir, 1_000, 64, 2, Duration.ofDays(30));
        return new SqliteStoreProvider().open(vertx, options, Clock.systemUTC(), routes);
    }

    @Override
    protected Future<Void> breakCommits(RelayStore store) {
        return ((SqliteAdvisoryLog) store).limitPages(1);
    }

    @Override
    protected Future<Void> repairCommits(RelayStore store) {
        return ((SqliteAdvisoryLog) store).limitPages(SqliteConnections.NO_PAGE_LIMIT);
    }
}
