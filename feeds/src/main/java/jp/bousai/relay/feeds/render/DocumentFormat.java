package jp.bousai.relay.feeds.render;

import io.vertx.ext.web.ParsedHeaderValues;
import java.util.Locale;
import jp.bousai.relay.adapters.cap.CapRenderer;
import jp.bousai.relay.adapters.commons.CommonsRenderer;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.core.log.RecordJson;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;

/**
 * The representations of a document: our JSON, CAP 1.2 and Commons (EDXL-DE + PCXML v4). Chosen
 * by {@code ?format=json|cap|commons}, else by the {@code Accept} header ({@code application/json},
 * {@code application/cap+xml}, {@code application/xml} or {@code text/xml} for Commons).
 */
public enum DocumentFormat implements WireNamed {
    JSON("application/json; charset=utf-8"),
    CAP("application/cap+xml; charset=utf-8"),
    COMMONS("application/xml; charset=utf-8");

    private final String contentType;

    DocumentFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The media type without parameters, as Atom links name it. */
    public String mediaType() {
        return contentType.substring(0, contentType.indexOf(';'));
    }

    /** @param cap renders the CAP representation (it knows the public URL its links use) */
    public String render(CurrentAdvisory current, CapRenderer cap) {
        return switch (this) {
            case JSON -> RecordJson.of(current.record(), current.state());
            case CAP -> cap.render(current.record());
            case COMMONS -> CommonsRenderer.render(current.record().advisory());
        };
    }

    /**
     * The format a request asks for.
     *
     * @throws ProblemException {@code MALFORMED} for an unknown {@code format}, {@code NOT_ACCEPTABLE}
     *         when the Accept header admits none of the three
     */
    public static DocumentFormat choose(String formatParameter, ParsedHeaderValues headers) {
        if (formatParameter != null) {
            return WireNamed.find(DocumentFormat.class, formatParameter.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                    new ProblemException(ProblemType.MALFORMED, "query parameter 'format' must be one of "
                            + WireNamed.list(DocumentFormat.class) + ", got '" + formatParameter + "'"));
        }
        var accepted = headers.accept();
        if (accepted.isEmpty()) {
            return JSON;
        }
        for (var range : accepted) {
            String type = range.value().toLowerCase(Locale.ROOT);
            if (range.weight() <= 0) {
                continue;
            }
            switch (type) {
                case "application/json", "application/*", "*/*":
                    return JSON;
                case "application/cap+xml":
                    return CAP;
                case "application/xml", "text/xml", "text/*":
                    return COMMONS;
                default:
                    break;
            }
        }
        throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "this document is offered as application/json, "
                + "application/cap+xml (CAP 1.2) and application/xml (L-Alert Commons); the Accept header admits none: "
                + String.join(", ", accepted.stream().map(range -> range.rawValue()).toList()));
    }

}
