package jp.bousai.relay.adapters.outbound;

import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.adapters.cap.CapRenderer;
import jp.bousai.relay.adapters.commons.CommonsRenderer;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.core.log.DocumentState;
import jp.bousai.relay.core.log.RecordJson;

/**
 * Renders a logged version in any {@link OutboundFormat}. Built once by the composition root
 * because CAP needs the server's public URL for its links; every output (feeds, MQTT, media
 * receivers) renders through the same instance, so the same version gives the same bytes
 * wherever it goes.
 */
public final class OutboundRenderer {

    private final CapRenderer cap;

    /** @param cap renders CAP 1.2 (it knows the public URL the alerts link to) */
    public OutboundRenderer(CapRenderer cap) {
        this.cap = cap;
    }

    /**
     * The version as readers get it. In JSON that is the log's record ({@code seq},
     * {@code receivedAt}, the document's {@code state} when not null, and the advisory); CAP and
     * Commons have no place for those and carry the advisory alone.
     */
    public String render(OutboundFormat format, AdvisoryRecord record, DocumentState state) {
        return switch (format) {
            case JSON -> RecordJson.of(record, state);
            case CAP -> cap.render(record);
            case COMMONS -> CommonsRenderer.render(record.advisory());
        };
    }

    /** A published document as readers get it, with its state. */
    public String render(OutboundFormat format, CurrentAdvisory current) {
        return render(format, current.record(), current.state());
    }

    /**
     * The advisory alone, without the log's record around it: for deliveries that carry the
     * sequence number elsewhere (a webhook's headers). In JSON that is the advisory's canonical
     * JSON; CAP and Commons are the same as {@link #render(OutboundFormat, AdvisoryRecord, DocumentState)}.
     */
    public String renderAdvisory(OutboundFormat format, AdvisoryRecord record) {
        return format == OutboundFormat.JSON ? record.json() : render(format, record, null);
    }
}
