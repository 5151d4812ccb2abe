package jp.bousai.relay.adapters.commons;

import jp.bousai.relay.adapters.xml.DomElements;
import static jp.bousai.relay.adapters.xml.DomElements.child;

import java.util.List;
import java.util.function.Predicate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An {@code MQService} {@code publish} request (SOAP 1.1): its UsernameToken and the
 * {@code EDXLDistribution} it carries in {@code publish/message}.
 */
public record SoapRequest(UsernameToken token, Element distribution) {

    public static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final Predicate<String> SOAP = CommonsNs.SOAP::equals;

    /** @throws SoapFault when the envelope is not a SOAP 1.1 publish request */
    public static SoapRequest of(Document document) {
        Element envelope = document.getDocumentElement();
        if (!CommonsNs.SOAP.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw SoapFault.client("the root element must be a SOAP 1.1 Envelope (" + CommonsNs.SOAP + ")");
        }
        Element body = child(envelope, "Body", SOAP);
        if (body == null) {
            throw SoapFault.client("the Envelope has no Body");
        }
        List<Element> operations = DomElements.all(body);
        if (operations.size() != 1 || !CommonsNs.SERVICE.equals(operations.get(0).getNamespaceURI())
                || !"publish".equals(operations.get(0).getLocalName())) {
            throw SoapFault.client("the Body must hold exactly one publish element in namespace " + CommonsNs.SERVICE);
        }
        Element message = child(operations.get(0), "message", ns -> ns == null || CommonsNs.SERVICE.equals(ns));
        List<Element> content = message == null ? List.of() : DomElements.all(message);
        if (content.size() != 1 || !CommonsNs.EDXL.equals(content.get(0).getNamespaceURI())
                || !"EDXLDistribution".equals(content.get(0).getLocalName())) {
            throw SoapFault.client("publish/message must hold exactly one EDXLDistribution (" + CommonsNs.EDXL + ")");
        }
        return new SoapRequest(token(child(envelope, "Header", SOAP)), content.get(0));
    }

    private static UsernameToken token(Element header) {
        Element security = child(header, "Security", WSSE::equals);
        Element token = child(security, "UsernameToken", WSSE::equals);
        if (token == null) {
            throw new SoapFault("wsse:InvalidSecurity", "a WS-Security header with a UsernameToken is required");
        }
        Element password = child(token, "Password", WSSE::equals);
        return new UsernameToken(DomElements.text(token, "Username", WSSE::equals),
                password == null ? null : password.getAttribute("Type"),
                DomElements.text(token, "Password", WSSE::equals), DomElements.text(token, "Nonce", WSSE::equals),
                DomElements.text(token, "Created", WSU::equals));
    }
}
