package jp.bousai.relay.core.store;

import io.vertx.core.Future;
import java.util.List;

/** Where the hub keeps its subscriptions, so that they outlive a restart. */
public interface WebSubStore {

    /** Stores a subscription, replacing one for the same callback and topic (a renewal). */
    Future<Void> save(WebSubSubscription subscription);

    Future<Void> delete(String callback, String topic);

    /** Every stored subscription, expired ones included. */
    Future<List<WebSubSubscription>> all();
}
