package jp.bousai.relay.server.ingest;

import jp.bousai.relay.adapters.InboundFormat;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * One submission as received, before it is decoded: which format it came in, the bytes kept for
 * audit, and how to decode it. Most are a body in one {@link InboundFormat} ({@link #of}); an
 * L-Alert message is a distribution already unwrapped from its SOAP envelope.
 */
public interface Inbound {

    /** The format's short name, for metrics, logs and the stored version (e.g. {@code json}). */
    String format();

    /** The bytes as received, stored next to the canonical JSON. */
    byte[] original();

    /**
     * Decodes for {@code issuer}, adding field-level problems to {@code errors} (see
     * {@link InboundFormat#decode(byte[], Issuer, FieldErrors)}). Runs on a worker.
     */
    Advisory decode(Issuer issuer, FieldErrors errors);

    /**
     * A refusal from decoding or the rules as the sender should read it: the rules point into the
     * JSON form, which a sender of another format may want translated. Unchanged by default.
     */
    default ProblemException explain(ProblemException problem) {
        return problem;
    }

    /** A body in {@code format}. */
    static Inbound of(InboundFormat format, byte[] body) {
        return new Inbound() {
            @Override
            public String format() {
                return format.name();
            }

            @Override
            public byte[] original() {
                return body;
            }

            @Override
            public Advisory decode(Issuer issuer, FieldErrors errors) {
                return format.decode(body, issuer, errors);
            }
        };
    }
}
