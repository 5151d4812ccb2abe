package jp.bousai.relay.adapters;

import jp.bousai.relay.core.advisory.WireNamed;

/**
 * One wire format advisories go out in: our JSON, CAP 1.2, or L-Alert Commons (EDXL-DE + PCXML v4).
 * Every output (document and Atom feeds, MQTT payloads, media receivers, previews) names its
 * representation with this one type, and renders it with the one
 * {@code OutboundRenderer} (package {@code adapters.outbound}), so that a format is added in one
 * place. Its wire name ({@code json}, {@code cap}, {@code commons}) is what configuration and
 * {@code ?format=} say.
 */
public enum OutboundFormat implements WireNamed {
    JSON("application/json"),
    CAP("application/cap+xml"),
    COMMONS("application/xml");

    private final String mediaType;

    OutboundFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type without parameters, as Atom links and MQTT 5's content type name it. */
    public String mediaType() {
        return mediaType;
    }

    /** The HTTP {@code Content-Type}: the media type with {@code charset=utf-8} (every rendering is UTF-8). */
    public String contentType() {
        return mediaType + "; charset=utf-8";
    }
}
