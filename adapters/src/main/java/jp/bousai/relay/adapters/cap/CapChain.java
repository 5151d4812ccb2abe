package jp.bousai.relay.adapters.cap;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.bousai.relay.core.advisory.MessageType;

/**
 * The lifecycle of a CAP chain as a document. The document id of a chain is the identifier of
 * its first message: an Alert's own identifier; for an Update or Cancel, the identifier of the
 * earliest message (by {@code sent}) among its references. The revision is 1 for an Alert and
 * one more than the number of distinct messages referenced for an Update or Cancel, so a sender
 * must reference the whole chain, as CAP recommends. Parameters {@value #DOCUMENT_ID} and
 * {@value #DOCUMENT_REVISION} in the first info override both (for senders bridging from
 * L-Alert, whose documents already have ids and revisions, and for this server's own output);
 * {@value #DISTRIBUTION_ID} likewise overrides the distribution id.
 */
record CapChain(String distributionId, String documentId, int revision, MessageType type) {

    static final String DOCUMENT_ID = "documentID";
    static final String DOCUMENT_REVISION = "documentRevision";
    /** Overrides the distribution id, which is otherwise the alert's identifier. */
    static final String DISTRIBUTION_ID = "distributionID";

    private record Reference(String identifier, OffsetDateTime sent) {
    }

    static CapChain of(CapAlert alert) {
        MessageType type = switch (alert.msgType()) {
            case "Update" -> MessageType.UPDATE;
            case "Cancel" -> MessageType.CANCEL;
            default -> MessageType.REPORT;
        };
        String documentId = alert.identifier();
        String distributionId = alert.identifier();
        int revision = 1;
        if (type != MessageType.REPORT && alert.references() != null) {
            Set<Reference> references = new LinkedHashSet<>();
            for (String entry : alert.references().trim().split("\\s+")) {
                String[] parts = entry.split(",");
                references.add(new Reference(parts[1], OffsetDateTime.parse(parts[2])));
            }
            documentId = references.stream().min(Comparator.comparing(Reference::sent)).orElseThrow().identifier();
            revision = references.size() + 1;
        }
        if (!alert.infos().isEmpty()) {
            CapAlert.Info first = alert.infos().get(0);
            if (first.parameter(DOCUMENT_ID) != null) {
                documentId = first.parameter(DOCUMENT_ID);
            }
            if (first.parameter(DISTRIBUTION_ID) != null) {
                distributionId = first.parameter(DISTRIBUTION_ID);
            }
            if (first.parameter(DOCUMENT_REVISION) != null && first.parameter(DOCUMENT_REVISION).matches("\\d{1,9}")) {
                revision = Integer.parseInt(first.parameter(DOCUMENT_REVISION));
            }
        }
        return new CapChain(distributionId, documentId, revision, type);
    }

    /** Whether the first info names the document with parameter {@value #DOCUMENT_ID}. */
    static boolean namesDocument(List<CapAlert.Info> infos) {
        return !infos.isEmpty() && infos.get(0).parameter(DOCUMENT_ID) != null;
    }

    /** Whether the info's parameters carry a revision that is not a number (an error to report). */
    static boolean badRevisionParameter(List<CapAlert.Info> infos) {
        return !infos.isEmpty() && infos.get(0).parameter(DOCUMENT_REVISION) != null
                && !infos.get(0).parameter(DOCUMENT_REVISION).matches("\\d{1,9}");
    }
}
