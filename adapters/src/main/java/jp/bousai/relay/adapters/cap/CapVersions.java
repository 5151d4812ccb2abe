package jp.bousai.relay.adapters.cap;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;

/**
 * The CAP versions accepted, before schema validation. CAP 1.2 is read as it is. CAP 1.1 (many
 * producers still send it) is mapped onto 1.2 and then validated as 1.2: its namespace becomes
 * the 1.2 namespace and its certainty {@code Very Likely}, which 1.2 dropped, becomes
 * {@code Likely}; everything else 1.1 allows means the same in 1.2. Any other {@code alert}
 * (CAP 1.0 and older) is refused with "CAP 1.2 is required". A signed alert must be UTF-8; the
 * signature is always checked over the bytes as sent.
 */
final class CapVersions {

    static final String NS_1_1 = "urn:oasis:names:tc:emergency:cap:1.1";
    private static final Pattern VERY_LIKELY =
            Pattern.compile("(<(?:[A-Za-z_][\\w.-]*:)?certainty>\\s*)Very Likely(\\s*</)");
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final XMLInputFactory INPUT = hardenedInput();

    private CapVersions() {
    }

    /** The body to validate as CAP 1.2: the body itself, or a CAP 1.1 alert mapped onto 1.2. */
    static byte[] asCap12(byte[] body) {
        refuseSignedNonUtf8(body);
        String namespace = rootNamespace(body);
        if (namespace == null || CapReader.NS.equals(namespace)) {
            return body;
        }
        if (NS_1_1.equals(namespace)) {
            String text = new String(body, StandardCharsets.UTF_8).replace(NS_1_1, CapReader.NS);
            Matcher veryLikely = VERY_LIKELY.matcher(text);
            return veryLikely.replaceAll("$1Likely$2").getBytes(StandardCharsets.UTF_8);
        }
        throw ProblemException.invalid(List.of(new FieldError("/alert", "CAP 1.2 is required (CAP 1.1 is also "
                + "accepted): this alert is in namespace '" + namespace + "'; send it in namespace " + CapReader.NS)));
    }

    private static void refuseSignedNonUtf8(byte[] body) {
        String latin = new String(body, StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(latin.substring(0, Math.min(latin.length(), 200)));
        if (declared.find() && !declared.group(1).matches("(?i)utf-?8") && latin.contains(CapSignatures.DSIG)) {
            throw ProblemException.invalid(List.of(new FieldError("/alert/Signature", "signed CAP alerts must be "
                    + "UTF-8: this one is declared " + declared.group(1) + "; sign and send it in UTF-8")));
        }
    }

    /** The namespace of the root element when it is an {@code alert}, else null (left to the schema to refuse). */
    private static String rootNamespace(byte[] body) {
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(body), "UTF-8");
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return "alert".equals(reader.getLocalName()) ? String.valueOf(reader.getNamespaceURI()) : null;
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    private static XMLInputFactory hardenedInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
