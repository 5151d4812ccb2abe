package jp.bousai.relay.adapters.cap;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.bousai.relay.adapters.xml.XmlOut;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.log.AdvisoryRecord;

/**
 * Renders a stored version as a CAP 1.2 alert, by the table in {@code docs/formats.md} read the
 * other way. The alert's identity comes from {@link CapIdentity}: the same for every rendering of
 * a revision, and an Update or Cancel references the alerts emitted for the earlier revisions.
 * The infos are written by {@link CapInfoWriter} to the consumers' profiles (Google Public Alerts):
 * each with a description, a {@code web} link under {@code publicUrl}, and areas that each have
 * a geocode or a shape. Where CAP has no field, documented parameters carry the value, so that
 * decoding what was rendered gives back the same advisory for the categories CAP carries
 * (EvacuationOrder, GeneralInformation, Event).
 */
public final class CapRenderer {

    /** Where advisories are read: {@code <public URL>/api/v1/advisories/<document id>}. */
    public static final String ADVISORY_PATH = "/api/v1/advisories/";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final String publicUrl;

    /** @param publicUrl the server's public base URL (scheme, host, optional port and path; no trailing slash needed) */
    public CapRenderer(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The link to a document's page in the API, as the {@code web} of its CAP alerts. */
    public String advisoryUrl(String documentId) {
        return publicUrl + ADVISORY_PATH + URLEncoder.encode(documentId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String render(AdvisoryRecord record) {
        Advisory advisory = record.advisory();
        StringWriter out = new StringWriter(2048);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("alert");
            xml.writeDefaultNamespace(CapReader.NS);
            XmlOut.element(xml, "identifier", CapIdentity.identifier(advisory.documentId(), advisory.revision()));
            XmlOut.element(xml, "sender", CapIdentity.sender(advisory.sender().code()));
            XmlOut.element(xml, "sent", CapIdentity.sent(advisory.reportTime()));
            XmlOut.element(xml, "status", advisory.mode().wireName());
            XmlOut.element(xml, "msgType", switch (advisory.type()) {
                case REPORT -> "Alert";
                case UPDATE -> "Update";
                case CANCEL -> "Cancel";
            });
            XmlOut.element(xml, "scope", "Public");
            String references = CapIdentity.references(advisory.documentId(), record.earlier());
            if (references != null) {
                XmlOut.element(xml, "references", references);
            }
            CapInfoWriter infos = new CapInfoWriter(xml, advisory, advisoryUrl(advisory.documentId()));
            List<EvacuationBody.Detail> details = advisory.body() instanceof EvacuationBody evacuation
                    ? evacuation.details() : List.of();
            if (details.isEmpty()) {
                infos.japanese(null, true);
            } else {
                for (int i = 0; i < details.size(); i++) {
                    infos.japanese(details.get(i), i == 0);
                }
            }
            if (advisory.headline().en() != null) {
                infos.english();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("rendering CAP failed", e);
        }
        return out.toString();
    }
}
