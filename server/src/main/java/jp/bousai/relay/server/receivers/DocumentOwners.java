package jp.bousai.relay.server.receivers;

import io.vertx.core.Future;
import java.util.Optional;
import jp.bousai.relay.core.area.JisCode;

/**
 * Who a document belongs to: the sender of its first version, which stays its owner when a
 * prefecture revises it (代行入力).
 */
@FunctionalInterface
public interface DocumentOwners {

    /** The original sender of {@code documentId}, or empty when there is no such document. */
    Future<Optional<JisCode>> ownerOf(String documentId);
}
