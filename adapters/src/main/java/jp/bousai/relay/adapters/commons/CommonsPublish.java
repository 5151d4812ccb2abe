package jp.bousai.relay.adapters.commons;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.bousai.relay.adapters.xml.DomElements;
import jp.bousai.relay.adapters.xml.SafeXml;
import jp.bousai.relay.core.advisory.Advisory;
import org.w3c.dom.Element;

/**
 * The client side of L-Alert's {@code MQService.publish}: the SOAP 1.1 request carrying an
 * advisory rendered as Commons with a WS-Security UsernameToken (PasswordDigest, a fresh nonce
 * and Created), and the reading of the receiver's answer.
 */
public final class CommonsPublish {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How deep under {@code publishResponse} a receipt's {@code code} is looked for. */
    private static final int MAX_RECEIPT_DEPTH = 4;
    private static final String PASSWORD_DIGEST = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

    /** What a receiver answered: L-Alert's result code (0 is accepted) and its text. */
    public record Answer(int code, String result) {
        public boolean accepted() {
            return code == SoapReplies.OK;
        }
    }

    private CommonsPublish() {
    }

    public static String request(Advisory advisory, String username, String password, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String created = now.truncatedTo(ChronoUnit.SECONDS).toString();
        String digest = Base64.getEncoder().encodeToString(UsernameTokenVerifier.digest(nonce, created, password));
        return SoapReplies.envelope(xml -> {
            xml.writeStartElement("wsse", "Security", SoapRequest.WSSE);
            xml.writeNamespace("wsse", SoapRequest.WSSE);
            xml.writeNamespace("wsu", SoapRequest.WSU);
            xml.writeStartElement("wsse", "UsernameToken", SoapRequest.WSSE);
            text(xml, "wsse", SoapRequest.WSSE, "Username", username);
            xml.writeStartElement("wsse", "Password", SoapRequest.WSSE);
            xml.writeAttribute("Type", PASSWORD_DIGEST);
            xml.writeCharacters(digest);
            xml.writeEndElement();
            text(xml, "wsse", SoapRequest.WSSE, "Nonce", Base64.getEncoder().encodeToString(nonce));
            text(xml, "wsu", SoapRequest.WSU, "Created", created);
            xml.writeEndElement();
            xml.writeEndElement();
        }, xml -> {
            xml.writeStartElement("publish");
            xml.writeDefaultNamespace(CommonsNs.SERVICE);
            xml.writeStartElement("message");
            CommonsRenderer.write(xml, advisory);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /**
     * Reads a receiver's answer: the L-Alert result {@code code} wherever the receiver puts it under
     * {@code publishResponse} ({@code processResponse/code} as we answer, {@code publishResult/response/code}
     * and {@code return/code} as other receivers do), with the {@code result} (or {@code message})
     * beside it; or a SOAP Fault.
     *
     * @throws IllegalArgumentException when the answer is neither, naming what was found
     */
    public static Answer answer(byte[] body) {
        Element envelope;
        try {
            envelope = SafeXml.parse(body).getDocumentElement();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the answer is not well-formed XML: " + e.getMessage(), e);
        }
        Element soapBody = DomElements.child(envelope, "Body", CommonsNs.SOAP::equals);
        List<Element> content = soapBody == null ? List.of() : DomElements.all(soapBody);
        Element first = content.isEmpty() ? null : content.get(0);
        if (first != null && "Fault".equals(first.getLocalName())) {
            throw new IllegalArgumentException("SOAP Fault " + DomElements.text(first, "faultcode", ns -> true) + ": "
                    + DomElements.text(first, "faultstring", ns -> true));
        }
        Element code = first == null || !"publishResponse".equals(first.getLocalName()) ? null
                : findCode(first, MAX_RECEIPT_DEPTH);
        if (code == null) {
            throw new IllegalArgumentException("the answer has no result code under publishResponse (found "
                    + (first == null ? "an empty Body" : first.getLocalName()) + ")");
        }
        Element holder = (Element) code.getParentNode();
        String result = DomElements.text(holder, "result", ns -> true);
        return new Answer(Integer.parseInt(code.getTextContent().strip()),
                result != null ? result : DomElements.text(holder, "message", ns -> true));
    }

    /** The first {@code code} element holding a number, depth first, at most {@code depth} levels down. */
    private static Element findCode(Element parent, int depth) {
        for (Element child : DomElements.all(parent)) {
            if ("code".equals(child.getLocalName()) && child.getTextContent().strip().matches("\\d{1,4}")) {
                return child;
            }
        }
        if (depth > 1) {
            for (Element child : DomElements.all(parent)) {
                Element found = findCode(child, depth - 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void text(XMLStreamWriter xml, String prefix, String ns, String name, String value)
            throws XMLStreamException {
        xml.writeStartElement(prefix, name, ns);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
