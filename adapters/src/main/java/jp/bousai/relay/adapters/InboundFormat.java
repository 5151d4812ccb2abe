package jp.bousai.relay.adapters;

import java.util.List;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * One wire format senders use to submit advisories (JSON, CAP 1.2, L-Alert Commons).
 */
public interface InboundFormat {

    /** A short name used in metrics and logs, e.g. {@code json}. */
    String name();

    /** The media types this format is posted as, without parameters, in lower case. */
    List<String> contentTypes();

    /**
     * Decodes a request body. Field-level problems are added to {@code errors} and decoding goes
     * on, so that the advisory returned (possibly with null fields) can be checked against the
     * rules and every error reported at once.
     *
     * @throws jp.bousai.relay.core.problem.ProblemException {@code MALFORMED} when the body cannot
     *         be parsed at all
     */
    Advisory decode(byte[] body, FieldErrors errors);

    /**
     * Decodes a body sent by {@code issuer}; formats with per-sender rules (CAP's required
     * signatures) override this. By default the same as {@link #decode(byte[], FieldErrors)}.
     */
    default Advisory decode(byte[] body, Issuer issuer, FieldErrors errors) {
        return decode(body, errors);
    }
}
