package jp.bousai.relay.feeds.render;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Timestamps;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.core.log.CurrentView;

/**
 * Renders published documents as an Atom 1.0 feed (RFC 4287): one entry per document, its
 * latest version, linking to the document in the feed's format (JSON, CAP or Commons).
 * Categories carry the information kind, the mode and the state, so an aggregator can tell a
 * drill from a real order. Times are written as {@link Timestamps} says: {@code updated} when the
 * version was received (UTC), {@code published} the sender's report time with its offset. A {@code hub} link names the WebSub hub that pushes the feed.
 */
public final class AtomFeedWriter {

    public static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String SCHEME = "urn:bousai-relay:";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private AtomFeedWriter() {
    }

    /**
     * @param selfUrl the feed's own URL, also its id
     * @param baseUrl where document links point to, e.g. {@code http://host:8080}
     * @param nextUrl the page of older entries (RFC 5005 {@code next}), or null on the last page
     * @param format what the entries' {@code alternate} links give
     * @param hubUrl the WebSub hub of this feed, or null
     */
    public static String write(CurrentView view, String selfUrl, String baseUrl, String nextUrl, String title,
                               OutboundFormat format, String hubUrl) {
        return write(view, selfUrl, nextUrl, title, new EntryLinks(baseUrl, format, HtmlPages.NONE), hubUrl);
    }

    /**
     * As {@link #write(CurrentView, String, String, String, String, OutboundFormat, String)}, with the
     * entries' links built by {@code links} (which also knows the web pages, once there are some).
     */
    public static String write(CurrentView view, String selfUrl, String nextUrl, String title, EntryLinks links,
                               String hubUrl) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", selfUrl);
            element(xml, "title", title);
            element(xml, "updated", Timestamps.utc(view.lastChanged() == null ? Instant.EPOCH : view.lastChanged()));
            xml.writeStartElement("author");
            element(xml, "name", "bousai-relay");
            xml.writeEndElement();
            link(xml, "self", "application/atom+xml", selfUrl);
            if (hubUrl != null) {
                link(xml, "hub", null, hubUrl);
            }
            if (nextUrl != null) {
                link(xml, "next", "application/atom+xml", nextUrl);
            }
            for (CurrentAdvisory current : view.advisories()) {
                entry(xml, current, links);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("rendering the Atom feed failed", e);
        }
        return out.toString();
    }

    /** The title of a feed page. */
    public static String title(CurrentView view) {
        return "bousai-relay 防災情報 (" + view.advisories().size() + ")";
    }

    private static void entry(XMLStreamWriter xml, CurrentAdvisory current, EntryLinks links)
            throws XMLStreamException {
        Advisory advisory = current.record().advisory();
        xml.writeStartElement("entry");
        element(xml, "id", SCHEME + "document:" + URLEncoder.encode(advisory.documentId(), StandardCharsets.UTF_8));
        xml.writeStartElement("title");
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "ja");
        xml.writeCharacters(advisory.headline().ja());
        xml.writeEndElement();
        element(xml, "updated", Timestamps.utc(current.record().receivedAt()));
        element(xml, "published", Timestamps.rfc3339(advisory.reportTime()));
        xml.writeStartElement("author");
        element(xml, "name", advisory.sender().name() != null ? advisory.sender().name() : advisory.sender().code().value());
        xml.writeEndElement();
        category(xml, "category", advisory.category().wireName());
        category(xml, "mode", advisory.mode().wireName());
        category(xml, "state", current.state().wireName());
        for (var area : advisory.areaCodes()) {
            category(xml, "area", area.value());
        }
        for (EntryLinks.Link link : links.of(advisory)) {
            link(xml, link.rel(), link.type(), link.href());
        }
        xml.writeStartElement("summary");
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "ja");
        xml.writeCharacters(advisory.text() != null ? advisory.headline().ja() + "\n" + advisory.text().ja()
                : advisory.headline().ja());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void category(XMLStreamWriter xml, String scheme, String term) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("scheme", SCHEME + scheme);
        xml.writeAttribute("term", term);
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        xml.writeAttribute("href", href);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
