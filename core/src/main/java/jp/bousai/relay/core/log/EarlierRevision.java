package jp.bousai.relay.core.log;

import java.time.OffsetDateTime;
import jp.bousai.relay.core.area.JisCode;

/**
 * What outputs need to know of an earlier revision of a document to reference it: its revision,
 * its sender's code and its report time, as stored when that revision was accepted. CAP builds
 * the {@code sender,identifier,sent} of the alert it emitted for that revision from these.
 */
public record EarlierRevision(int revision, JisCode senderCode, OffsetDateTime reportTime) {
}
