package jp.bousai.relay.adapters.commons;

import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import jp.bousai.relay.adapters.xml.DomElements;
import jp.bousai.relay.adapters.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Fills a {@code publish} request's WS-Security UsernameToken for a sender: the user name, a fresh
 * 16-byte nonce, {@code Created} (now, to the second) and the PasswordDigest
 * Base64(SHA-1(nonce + created + password)). Whatever the token held before (placeholders) is
 * replaced; a request without a {@code soap:Header/wsse:Security/wsse:UsernameToken} gets one.
 * The rest of the envelope is kept as it is.
 */
public final class UsernameTokenSigner {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE64_BINARY = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    private UsernameTokenSigner() {
    }

    /**
     * @throws SoapFault when {@code envelope} is not a SOAP 1.1 publish request
     * @throws jp.bousai.relay.core.problem.ProblemException when it is not acceptable XML
     */
    public static String sign(byte[] envelope, String username, String password, Instant now) {
        Document document = SafeXml.parse(envelope);
        SoapRequest.of(withToken(document));
        Element token = token(document);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String created = now.truncatedTo(ChronoUnit.SECONDS).toString();
        String digest = Base64.getEncoder().encodeToString(UsernameTokenVerifier.digest(nonce, created, password));
        set(token, SoapRequest.WSSE, "wsse:Username", username);
        set(token, SoapRequest.WSSE, "wsse:Password", digest).setAttribute("Type", UsernameToken.PASSWORD_DIGEST);
        set(token, SoapRequest.WSSE, "wsse:Nonce", Base64.getEncoder().encodeToString(nonce))
                .setAttribute("EncodingType", BASE64_BINARY);
        set(token, SoapRequest.WSU, "wsu:Created", created);
        return write(document);
    }

    /** The document with an (empty) UsernameToken where it had none, so that the request can be checked. */
    private static Document withToken(Document document) {
        token(document);
        return document;
    }

    private static Element token(Document document) {
        Element envelope = document.getDocumentElement();
        Element header = DomElements.child(envelope, "Header", CommonsNs.SOAP::equals);
        if (header == null) {
            header = document.createElementNS(CommonsNs.SOAP, prefixed(envelope, "Header"));
            envelope.insertBefore(header, envelope.getFirstChild());
        }
        Element security = childOrNew(header, SoapRequest.WSSE, "wsse:Security");
        return childOrNew(security, SoapRequest.WSSE, "wsse:UsernameToken");
    }

    private static String prefixed(Element sibling, String name) {
        return sibling.getPrefix() == null ? name : sibling.getPrefix() + ":" + name;
    }

    private static Element childOrNew(Element parent, String namespace, String qualifiedName) {
        String localName = qualifiedName.substring(qualifiedName.indexOf(':') + 1);
        Element child = DomElements.child(parent, localName, namespace::equals);
        if (child == null) {
            child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
            parent.appendChild(child);
        }
        return child;
    }

    private static Element set(Element token, String namespace, String qualifiedName, String value) {
        Element element = childOrNew(token, namespace, qualifiedName);
        element.setTextContent(value);
        return element;
    }

    private static String write(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter(8192);
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("writing the signed request failed", e);
        }
    }
}
