package jp.bousai.relay.feeds.http;

import io.vertx.ext.web.ParsedHeaderValues;
import java.util.Locale;
import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;

/**
 * Which {@link OutboundFormat} a request for a document asks for: {@code ?format=json|cap|commons},
 * else the {@code Accept} header ({@code application/json}, {@code application/cap+xml},
 * {@code application/xml} or {@code text/xml} for Commons), else JSON.
 */
public final class FormatNegotiation {

    private FormatNegotiation() {
    }

    /**
     * @throws ProblemException {@code MALFORMED} for an unknown {@code format}, {@code NOT_ACCEPTABLE}
     *         when the Accept header admits none of the three
     */
    public static OutboundFormat choose(String formatParameter, ParsedHeaderValues headers) {
        if (formatParameter != null) {
            return WireNamed.find(OutboundFormat.class, formatParameter.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                    new ProblemException(ProblemType.MALFORMED, "query parameter 'format' must be one of "
                            + WireNamed.list(OutboundFormat.class) + ", got '" + formatParameter + "'"));
        }
        var accepted = headers.accept();
        if (accepted.isEmpty()) {
            return OutboundFormat.JSON;
        }
        for (var range : accepted) {
            String type = range.value().toLowerCase(Locale.ROOT);
            if (range.weight() <= 0) {
                continue;
            }
            switch (type) {
                case "application/json", "application/*", "*/*":
                    return OutboundFormat.JSON;
                case "application/cap+xml":
                    return OutboundFormat.CAP;
                case "application/xml", "text/xml", "text/*":
                    return OutboundFormat.COMMONS;
                default:
                    break;
            }
        }
        throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "this document is offered as application/json, "
                + "application/cap+xml (CAP 1.2) and application/xml (L-Alert Commons); the Accept header admits none: "
                + String.join(", ", accepted.stream().map(range -> range.rawValue()).toList()));
    }
}
