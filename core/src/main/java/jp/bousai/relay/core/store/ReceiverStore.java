package jp.bousai.relay.core.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Where the receivers added through the admin API are kept, as their JSON definitions, so that
 * they outlive a restart. The store does not read a definition; the registry does.
 */
public interface ReceiverStore {

    /** Every stored definition, oldest first. */
    Future<List<String>> definitions();

    /** Stores a definition, replacing the one stored under the same id (keeping its age). */
    Future<Void> save(String id, String definition, Instant now);

    /** Forgets a definition; forgetting one that is not stored is no error. */
    Future<Void> delete(String id);
}
