package jp.bousai.relay.core.advisory;

import java.time.OffsetDateTime;
import java.util.List;
import jp.bousai.relay.core.area.JisCode;

/**
 * One send of a disaster-information document, whatever format it arrived in.
 *
 * <p>A document ({@code documentId}) lives through revisions; every send has its own
 * {@code distributionId}, the idempotency key. Each send is the full current snapshot of its
 * document. {@code targetTime}, {@code validUntil}, {@code disaster} and {@code text} may be
 * null; {@code body} is null only for a {@link MessageType#CANCEL}.
 */
public record Advisory(
        String distributionId,
        String documentId,
        int revision,
        MessageType type,
        Mode mode,
        Category category,
        Sender sender,
        List<TargetArea> areas,
        OffsetDateTime reportTime,
        OffsetDateTime targetTime,
        OffsetDateTime validUntil,
        String disaster,
        LocalizedText headline,
        LocalizedText text,
        AdvisoryBody body) {

    public Advisory {
        areas = List.copyOf(areas);
    }

    /** The JIS codes of the target areas, in the order given. */
    public List<JisCode> areaCodes() {
        return areas.stream().map(TargetArea::code).toList();
    }

    /** Returns a copy issued by {@code newSender}. */
    public Advisory withSender(Sender newSender) {
        return new Advisory(distributionId, documentId, revision, type, mode, category, newSender, areas,
                reportTime, targetTime, validUntil, disaster, headline, text, body);
    }
}
