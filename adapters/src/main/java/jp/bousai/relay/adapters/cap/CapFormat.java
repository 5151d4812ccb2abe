package jp.bousai.relay.adapters.cap;

import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import jp.bousai.relay.adapters.InboundFormat;
import jp.bousai.relay.adapters.xml.SafeXml;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.validation.FieldErrors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * OASIS CAP 1.2 (and 1.1, mapped onto 1.2 by {@link CapVersions}) as sent by municipal disaster
 * systems: validated against the bundled OASIS schema, its signature checked ({@link CapSignatures}), validated against the rules beyond the
 * schema ({@link CapRules}), then mapped by {@link CapMapper}.
 */
public final class CapFormat implements InboundFormat {

    public static final String NAME = "cap";
    static final Schema SCHEMA = loadSchema();

    private final CapSignatures signatures;

    public CapFormat(CapSignatures signatures) {
        this.signatures = signatures;
    }

    /** A CAP format that requires no signatures (present ones are still verified). */
    public CapFormat() {
        this(CapSignatures.none());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> contentTypes() {
        return List.of("application/cap+xml", "application/xml", "text/xml");
    }

    @Override
    public Advisory decode(byte[] body, FieldErrors errors) {
        return decode(body, null, errors);
    }

    @Override
    public Advisory decode(byte[] body, Issuer issuer, FieldErrors errors) {
        return CapMapper.map(readAlert(body, issuer), errors);
    }

    /**
     * Parses, validates and checks a CAP alert and its signature.
     *
     * @throws ProblemException {@code MALFORMED} for unacceptable XML, {@code INVALID} listing the
     *         schema errors or the broken rules
     */
    CapAlert readAlert(byte[] body, Issuer issuer) {
        Document document = SafeXml.parse(CapVersions.asCap12(body), SCHEMA);
        Element root = document.getDocumentElement();
        if (!CapReader.NS.equals(root.getNamespaceURI()) || !"alert".equals(root.getLocalName())) {
            throw ProblemException.invalid(List.of(new FieldError("/" + root.getLocalName(),
                    "the root element must be alert in namespace " + CapReader.NS)));
        }
        signatures.check(body, root, issuer);
        CapAlert alert = CapReader.read(document);
        FieldErrors broken = new FieldErrors();
        CapRules.check(alert, broken);
        broken.throwIfAny();
        return alert;
    }

    private static Schema loadSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(CapFormat.class.getResource("CAP-v1.2.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("the bundled CAP 1.2 schema does not load", e);
        }
    }
}
