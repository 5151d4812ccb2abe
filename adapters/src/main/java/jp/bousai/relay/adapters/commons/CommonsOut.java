package jp.bousai.relay.adapters.commons;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Element writing for {@link CommonsRenderer} in the message's namespaces; absent values are left out. */
final class CommonsOut {
    final XMLStreamWriter xml;
    final String ns;

    CommonsOut(XMLStreamWriter xml) {
        this(xml, null);
    }

    private CommonsOut(XMLStreamWriter xml, String ns) {
        this.xml = xml;
        this.ns = ns;
    }

    CommonsOut in(String bodyNamespace) {
        return new CommonsOut(xml, bodyNamespace);
    }

    void element(String prefix, String namespace, String name, String text) throws XMLStreamException {
        if (text != null) {
            xml.writeStartElement(prefix, name, namespace);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }

    void edxl(String name, String text) throws XMLStreamException {
        element("edxlde", CommonsNs.EDXL, name, text);
    }

    void commons(String name, String text) throws XMLStreamException {
        element("commons", CommonsNs.COMMONS, name, text);
    }

    void head(String name, String text) throws XMLStreamException {
        element("pcx_ib", CommonsRenderer.INFORMATION_BASIS, name, text);
    }

    void body(String name, String text) throws XMLStreamException {
        element("pcx_eo", ns, name, text);
    }

    void start(String name) throws XMLStreamException {
        xml.writeStartElement("pcx_eo", name, ns);
    }

    void end() throws XMLStreamException {
        xml.writeEndElement();
    }
}
