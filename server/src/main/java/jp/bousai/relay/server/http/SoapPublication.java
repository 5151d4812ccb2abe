package jp.bousai.relay.server.http;

import jp.bousai.relay.adapters.commons.CommonsFormat;
import jp.bousai.relay.adapters.commons.CommonsPaths;
import jp.bousai.relay.adapters.commons.SoapFault;
import jp.bousai.relay.adapters.commons.SoapRequest;
import jp.bousai.relay.adapters.commons.UsernameTokenVerifier;
import jp.bousai.relay.adapters.xml.SafeXml;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.validation.FieldErrors;
import jp.bousai.relay.server.ingest.Inbound;

/**
 * An L-Alert {@code publish} call whose envelope has been read and whose WS-Security token has
 * been verified: the distribution it carries, as the ingest service takes it. The whole envelope
 * is what is kept as received; errors are told in terms of the sender's own elements.
 */
final class SoapPublication implements Inbound {

    private static final CommonsFormat FORMAT = new CommonsFormat();

    private final SoapRequest request;
    private final Issuer issuer;
    private final byte[] envelope;

    private SoapPublication(SoapRequest request, Issuer issuer, byte[] envelope) {
        this.request = request;
        this.issuer = issuer;
        this.envelope = envelope;
    }

    /**
     * Parses the envelope and verifies its token (the nonce check may touch the store): call on a
     * worker.
     *
     * @throws SoapFault a body that is not a SOAP envelope, or a failed WS-Security check
     */
    static SoapPublication open(byte[] envelope, UsernameTokenVerifier verifier) {
        SoapRequest request;
        try {
            request = SoapRequest.of(SafeXml.parse(envelope));
        } catch (ProblemException malformed) {
            // a body that is not acceptable XML cannot be a SOAP envelope: a Fault, not a code
            throw new SoapFault("soap:Client", malformed.detail());
        }
        return new SoapPublication(request, verifier.verify(request.token()), envelope);
    }

    /** The SOAP user the token names. */
    Issuer issuer() {
        return issuer;
    }

    @Override
    public String format() {
        return FORMAT.name();
    }

    @Override
    public byte[] original() {
        return envelope;
    }

    @Override
    public Advisory decode(Issuer sender, FieldErrors errors) {
        return FORMAT.decode(request.distribution(), sender, errors);
    }

    /** The rules point into the JSON form; an L-Alert sender is told of its own elements. */
    @Override
    public ProblemException explain(ProblemException problem) {
        return CommonsPaths.of(request.distribution()).translate(problem);
    }
}
