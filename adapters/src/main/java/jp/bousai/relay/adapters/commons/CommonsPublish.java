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
     * Reads a receiver's answer: {@code publishResponse/processResponse/code} and {@code result},
     * or a SOAP Fault.
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
        Element response = first == null ? null : DomElements.child(first, "processResponse", ns -> true);
        String code = DomElements.text(response, "code", ns -> true);
        if (code == null || !code.strip().matches("\\d{1,4}")) {
            throw new IllegalArgumentException("the answer has no publishResponse/processResponse/code");
        }
        return new Answer(Integer.parseInt(code.strip()), DomElements.text(response, "result", ns -> true));
    }

    private static void text(XMLStreamWriter xml, String prefix, String ns, String name, String value)
            throws XMLStreamException {
        xml.writeStartElement(prefix, name, ns);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
