package jp.bousai.relay.adapters.xml;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writing simple elements with StAX. */
public final class XmlOut {

    private XmlOut() {
    }

    /** {@code <name>text</name>}, the text escaped. */
    public static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
