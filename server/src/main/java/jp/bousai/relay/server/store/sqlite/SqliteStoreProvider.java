package jp.bousai.relay.server.store.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import jp.bousai.relay.core.channel.ChannelRoutes;
import jp.bousai.relay.core.store.RelayStore;
import jp.bousai.relay.server.store.StoreKinds;
import jp.bousai.relay.server.store.StoreOptions;
import jp.bousai.relay.server.store.StoreProvider;

/** The embedded store: one SQLite file under {@code data.dir}. */
public final class SqliteStoreProvider implements StoreProvider {

    @Override
    public String kind() {
        return StoreKinds.SQLITE;
    }

    @Override
    public Future<RelayStore> open(Vertx vertx, StoreOptions options, Clock clock, ChannelRoutes routes) {
        return SqliteAdvisoryLog.open(vertx, options, clock, routes).map(RelayStore.class::cast);
    }
}
