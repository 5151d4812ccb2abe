package jp.bousai.relay.adapters.media;

import jp.bousai.relay.core.advisory.WireNamed;

/** How a media receiver takes advisories. */
public enum ReceiverProtocol implements WireNamed {
    /** L-Alert's {@code MQService.publish} (SOAP 1.1, EDXL-DE + PCXML, WS-Security UsernameToken). */
    COMMONS_SOAP,
    /** A signed POST of the advisory's JSON. */
    WEBHOOK_JSON,
    /** A signed POST of the advisory as CAP 1.2. */
    WEBHOOK_CAP
}
