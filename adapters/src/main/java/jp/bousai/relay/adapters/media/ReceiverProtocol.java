package jp.bousai.relay.adapters.media;

import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.adapters.commons.SoapReplies;
import jp.bousai.relay.core.advisory.WireNamed;

/** How a media receiver takes advisories: the format it is sent, and how the body carries it. */
public enum ReceiverProtocol implements WireNamed {
    /** L-Alert's {@code MQService.publish} (SOAP 1.1, EDXL-DE + PCXML, WS-Security UsernameToken). */
    COMMONS_SOAP(OutboundFormat.COMMONS, SoapReplies.CONTENT_TYPE),
    /** A signed POST of the advisory's JSON (as it always was: {@code application/json}, no charset parameter). */
    WEBHOOK_JSON(OutboundFormat.JSON, OutboundFormat.JSON.mediaType()),
    /** A signed POST of the advisory as CAP 1.2. */
    WEBHOOK_CAP(OutboundFormat.CAP, OutboundFormat.CAP.contentType());

    private final OutboundFormat format;
    private final String contentType;

    ReceiverProtocol(OutboundFormat format, String contentType) {
        this.format = format;
        this.contentType = contentType;
    }

    /** The representation of the advisory the receiver is sent. */
    public OutboundFormat format() {
        return format;
    }

    /** The {@code Content-Type} of a delivery's body. */
    public String contentType() {
        return contentType;
    }

    /** Whether the advisory goes inside an L-Alert SOAP publish request (else it is the body itself). */
    public boolean soap() {
        return this == COMMONS_SOAP;
    }
}
