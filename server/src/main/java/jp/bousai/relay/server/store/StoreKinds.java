package jp.bousai.relay.server.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.bousai.relay.core.channel.ChannelRoutes;
import jp.bousai.relay.core.store.RelayStore;
import jp.bousai.relay.server.store.sqlite.SqliteStoreProvider;

/**
 * The stores this build has, by {@code store.kind}: the one list the configuration checks a kind
 * against and the composition root opens a store from. A new store adds its provider here.
 */
public final class StoreKinds {

    public static final String SQLITE = "sqlite";

    private static final List<StoreProvider> PROVIDERS = List.of(
            new SqliteStoreProvider());

    private StoreKinds() {
    }

    /** The kinds {@code store.kind} may name. */
    public static Set<String> names() {
        return PROVIDERS.stream().map(StoreProvider::kind).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Opens the store {@code options.kind()} names (a kind the configuration has checked). */
    public static Future<RelayStore> open(Vertx vertx, StoreOptions options, Clock clock, ChannelRoutes routes) {
        return PROVIDERS.stream().filter(provider -> provider.kind().equals(options.kind())).findFirst()
                .map(provider -> provider.open(vertx, options, clock, routes))
                .orElseGet(() -> Future.failedFuture(new IllegalArgumentException("store.kind: unknown store '"
                        + options.kind() + "'; known: " + String.join(", ", names()))));
    }
}
