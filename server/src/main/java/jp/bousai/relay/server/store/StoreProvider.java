package jp.bousai.relay.server.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import jp.bousai.relay.core.channel.ChannelRoutes;
import jp.bousai.relay.core.store.RelayStore;

/**
 * Opens one kind of store: what a store package offers the composition root, so that adding a
 * store is a package implementing the {@code core.store} ports plus one provider listed in
 * {@link StoreKinds}.
 */
public interface StoreProvider {

    /** The name {@code store.kind} selects this store by. */
    String kind();

    /**
     * Opens (creating or upgrading if needed) the store, off the event loop; fails when the
     * stored data cannot be used (e.g. written by a newer version).
     *
     * @param routes the durable channels each accepted version is queued for
     */
    Future<RelayStore> open(Vertx vertx, StoreOptions options, Clock clock, ChannelRoutes routes);
}
