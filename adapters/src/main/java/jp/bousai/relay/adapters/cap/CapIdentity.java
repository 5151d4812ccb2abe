package jp.bousai.relay.adapters.cap;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.log.EarlierRevision;

/**
 * The identity of the CAP alert this server emits for one revision of a document, a function of
 * stored data only, so that every rendering of a revision, on any node, gives the same bytes:
 * sender {@code <sender code>@bousai-relay}, identifier {@code <document id>-r<revision>} (the
 * characters CAP forbids in identifiers, and {@code %}, percent-encoded) and sent = the revision's
 * report time (seconds, explicit offset). An Update or Cancel references the alerts emitted for
 * the document's earlier revisions with exactly these three values.
 */
final class CapIdentity {

    private CapIdentity() {
    }

    static String sender(JisCode senderCode) {
        return senderCode.value() + "@" + CapReplies.SENDER;
    }

    static String identifier(String documentId, int revision) {
        StringBuilder out = new StringBuilder(documentId.length() + 8);
        for (char c : documentId.toCharArray()) {
            if (Character.isWhitespace(c) || c == ',' || c == '<' || c == '&' || c == '%') {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append("-r").append(revision).toString();
    }

    static String sent(OffsetDateTime reportTime) {
        return CapReplies.capTime(reportTime);
    }

    /** The CAP {@code references} value naming the alerts emitted for {@code earlier}, or null when none. */
    static String references(String documentId, List<EarlierRevision> earlier) {
        if (earlier.isEmpty()) {
            return null;
        }
        return earlier.stream().map(e -> sender(e.senderCode()) + "," + identifier(documentId, e.revision()) + ","
                + sent(e.reportTime())).collect(Collectors.joining(" "));
    }
}
