package jp.bousai.relay.adapters.commons;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.bousai.relay.adapters.xml.XmlOut;

/**
 * The answers of the {@code MQService} endpoint: {@code publishResponse/processResponse} with
 * L-Alert's result codes, and SOAP 1.1 Faults.
 */
public final class SoapReplies {

    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    /** Accepted (or an exact duplicate of an accepted message). */
    public static final int OK = 0;
    /** The message is not in the expected format. */
    public static final int BAD_FORMAT = 401;
    /** The message fails the schema or validation. */
    public static final int INVALID = 402;
    /** Any other error. */
    public static final int OTHER = 901;
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private SoapReplies() {
    }

    /** {@code publishResponse/processResponse} with {@code code} and a human-readable {@code result}. */
    public static String processResponse(int code, String result) {
        return write(xml -> {
            xml.writeStartElement("publishResponse");
            xml.writeDefaultNamespace(CommonsNs.SERVICE);
            xml.writeStartElement("processResponse");
            XmlOut.element(xml, "code", Integer.toString(code));
            XmlOut.element(xml, "result", result);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    public static String fault(SoapFault fault) {
        return write(xml -> {
            xml.writeStartElement("soap", "Fault", CommonsNs.SOAP);
            xml.writeStartElement("faultcode");
            if (fault.code().startsWith("wsse:")) {
                xml.writeNamespace("wsse", SoapRequest.WSSE);
            }
            xml.writeCharacters(fault.code());
            xml.writeEndElement();
            XmlOut.element(xml, "faultstring", fault.reason());
            xml.writeEndElement();
        });
    }

    /** Writes part of a SOAP message at the writer's position. */
    interface Part {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(Part body) {
        return envelope(null, body);
    }

    /** A SOAP 1.1 envelope with {@code header}'s content in a Header (none when null) and {@code body}'s in the Body. */
    static String envelope(Part header, Part body) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soap", "Envelope", CommonsNs.SOAP);
            xml.writeNamespace("soap", CommonsNs.SOAP);
            if (header != null) {
                xml.writeStartElement("soap", "Header", CommonsNs.SOAP);
                header.write(xml);
                xml.writeEndElement();
            }
            xml.writeStartElement("soap", "Body", CommonsNs.SOAP);
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a SOAP message failed", e);
        }
        return out.toString();
    }
}
