package jp.bousai.relay.adapters.commons;

import java.util.List;
import jp.bousai.relay.adapters.InboundFormat;
import jp.bousai.relay.adapters.xml.SafeXml;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.validation.FieldErrors;
import org.w3c.dom.Element;

/**
 * L-Alert (公共情報コモンズ) messages: EDXL-DE 1.0 with the Commons extensions and an embedded
 * PCXML Report, read by namespace URI for both generations (3 and 4). As an
 * {@link InboundFormat} it takes a bare {@code EDXLDistribution} document; the SOAP endpoint
 * unwraps {@code publish/message} first and calls {@link #decode(Element, FieldErrors)}.
 */
public final class CommonsFormat implements InboundFormat {

    public static final String NAME = "commons";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> contentTypes() {
        return List.of("application/xml", "text/xml");
    }

    @Override
    public Advisory decode(byte[] body, FieldErrors errors) {
        return decode(root(body), errors);
    }

    private static Element root(byte[] body) {
        Element root = SafeXml.parse(body).getDocumentElement();
        if (!CommonsNs.EDXL.equals(root.getNamespaceURI()) || !"EDXLDistribution".equals(root.getLocalName())) {
            throw ProblemException.invalid(List.of(new FieldError(root.getLocalName(),
                    "the root element must be EDXLDistribution in namespace " + CommonsNs.EDXL)));
        }
        return root;
    }

    /**
     * Decodes a bare {@code EDXLDistribution} sent by {@code issuer}: as {@link #decode(byte[], FieldErrors)},
     * and its {@code OrganizationCode} must be the issuer's own or within its scope.
     */
    @Override
    public Advisory decode(byte[] body, Issuer issuer, FieldErrors errors) {
        return decode(root(body), issuer, errors);
    }

    /** Decodes an {@code EDXLDistribution} element already parsed safely. */
    public Advisory decode(Element distribution, FieldErrors errors) {
        return CommonsMapper.map(CommonsEnvelope.of(distribution), errors);
    }

    /** Decodes an {@code EDXLDistribution} element sent by {@code issuer} (see {@link #decode(byte[], Issuer, FieldErrors)}). */
    public Advisory decode(Element distribution, Issuer issuer, FieldErrors errors) {
        CommonsEnvelope message = CommonsEnvelope.of(distribution);
        return CommonsControl.checkIssuer(message, CommonsMapper.map(message, errors), issuer, errors);
    }
}
