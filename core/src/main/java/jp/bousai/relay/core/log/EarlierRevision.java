package jp.bousai.relay.core.log;

import java.time.OffsetDateTime;
import java.util.List;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.area.JisCode;

/**
 * What outputs need to know of an earlier revision of a document: its revision, its sender's code
 * and its report time, as stored when that revision was accepted (CAP builds the
 * {@code sender,identifier,sent} of the alert it emitted for that revision from these), and where
 * it was published: its mode, category and target areas (MQTT clears the retained state a
 * revision left in areas its successor no longer names). Mode and category are null, and areas
 * empty, where the store does not know them.
 */
public record EarlierRevision(int revision, JisCode senderCode, OffsetDateTime reportTime, Mode mode,
                              Category category, List<JisCode> areas) {

    public EarlierRevision {
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /** An earlier revision known for references only. */
    public EarlierRevision(int revision, JisCode senderCode, OffsetDateTime reportTime) {
        this(revision, senderCode, reportTime, null, null, List.of());
    }
}
