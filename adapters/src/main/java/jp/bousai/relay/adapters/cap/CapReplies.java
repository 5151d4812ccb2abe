package jp.bousai.relay.adapters.cap;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import jp.bousai.relay.adapters.xml.XmlOut;

/**
 * CAP answers to a sender that asks for them ({@code Accept: application/cap+xml}): an {@code Ack}
 * of an accepted alert and an {@code Error} carrying the reasons for a refused one, both
 * referencing the received alert when it can be identified.
 */
public final class CapReplies {

    public static final String CONTENT_TYPE = "application/cap+xml";
    /** The CAP sender of this server's answers. */
    public static final String SENDER = "bousai-relay";
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final XMLInputFactory INPUT = hardenedInput();
    /** How far into a body to look for the alert's identity. */
    private static final int SCAN_ELEMENTS = 8;

    private CapReplies() {
    }

    /** What identifies a received alert: the parts of a CAP reference, and its status. */
    public record Received(String sender, String identifier, String sent, String status) {

        String reference() {
            return sender + "," + identifier + "," + sent;
        }
    }

    /**
     * Reads the identity of an alert from the start of a body, without reading further or
     * trusting the rest; empty when the body does not begin like a CAP alert.
     */
    public static Optional<Received> identify(byte[] body) {
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(body), "UTF-8");
            String sender = null;
            String identifier = null;
            String sent = null;
            String status = null;
            int seen = 0;
            while (reader.hasNext() && seen < SCAN_ELEMENTS) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                seen++;
                if (!CapReader.NS.equals(reader.getNamespaceURI())) {
                    return Optional.empty();
                }
                switch (reader.getLocalName()) {
                    case "identifier" -> identifier = reader.getElementText().strip();
                    case "sender" -> sender = reader.getElementText().strip();
                    case "sent" -> sent = reader.getElementText().strip();
                    case "status" -> status = reader.getElementText().strip();
                    default -> { }
                }
            }
            boolean complete = sender != null && identifier != null && sent != null
                    && CapRules.DATE_TIME.matcher(sent).matches() && !(sender + identifier).matches(".*[\\s,].*");
            return complete ? Optional.of(new Received(sender, identifier, sent, status)) : Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An Ack of {@code received}, with a note saying what became of it. */
    public static String ack(Received received, OffsetDateTime now, String note) {
        return answer("Ack", Optional.of(received), now, List.of(note));
    }

    /** An Error answering {@code received} (when identified), its note listing the reasons. */
    public static String error(Optional<Received> received, OffsetDateTime now, List<String> reasons) {
        return answer("Error", received, now, reasons);
    }

    private static String answer(String msgType, Optional<Received> received, OffsetDateTime now, List<String> notes) {
        StringWriter out = new StringWriter(1024);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("alert");
            xml.writeDefaultNamespace(CapReader.NS);
            XmlOut.element(xml, "identifier", SENDER + "-" + msgType.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID());
            XmlOut.element(xml, "sender", SENDER);
            XmlOut.element(xml, "sent", capTime(now));
            String status = received.map(Received::status).filter(s -> List.of("Actual", "Exercise", "System", "Test")
                    .contains(s)).orElse("System");
            XmlOut.element(xml, "status", status);
            XmlOut.element(xml, "msgType", msgType);
            if (received.isPresent()) {
                XmlOut.element(xml, "scope", "Private");
                XmlOut.element(xml, "addresses", received.get().sender());
            } else {
                XmlOut.element(xml, "scope", "Public");
            }
            XmlOut.element(xml, "note", String.join("; ", notes));
            if (received.isPresent()) {
                XmlOut.element(xml, "references", received.get().reference());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a CAP " + msgType + " failed", e);
        }
        return out.toString();
    }

    /** A CAP time: seconds and an explicit offset; UTC is written -00:00. */
    static String capTime(OffsetDateTime time) {
        String text = CAP_TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
        return time.getOffset().equals(ZoneOffset.UTC) ? text.substring(0, text.length() - 6) + "-00:00" : text;
    }

    private static XMLInputFactory hardenedInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
