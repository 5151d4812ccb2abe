package jp.bousai.relay.adapters.cap;

import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.bousai.relay.adapters.xml.XmlOut;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.EventBody;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.advisory.TargetArea;

/**
 * Renders an advisory as a CAP 1.2 alert, by the table in {@code docs/formats.md} read the other
 * way. Where CAP has no field, the documented parameters carry the value ({@code documentID},
 * {@code documentRevision}, {@code category}, {@code evacuationLevel}, {@code time}, ...), so that
 * decoding what was rendered gives back the same advisory for the categories CAP carries
 * (EvacuationOrder, GeneralInformation, Event). Shelters, headquarters and damage are rendered as
 * a notice-like info with their headline and text, for consumers that read CAP only.
 */
public final class CapRenderer {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private CapRenderer() {
    }

    public static String render(Advisory advisory) {
        StringWriter out = new StringWriter(2048);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("alert");
            xml.writeDefaultNamespace(CapReader.NS);
            String sender = advisory.sender().code().value() + "@" + CapReplies.SENDER;
            XmlOut.element(xml, "identifier", advisory.distributionId());
            XmlOut.element(xml, "sender", sender);
            XmlOut.element(xml, "sent", CapReplies.capTime(advisory.reportTime()));
            XmlOut.element(xml, "status", advisory.mode().wireName());
            XmlOut.element(xml, "msgType", switch (advisory.type()) {
                case REPORT -> "Alert";
                case UPDATE -> "Update";
                case CANCEL -> "Cancel";
            });
            XmlOut.element(xml, "scope", "Public");
            if (advisory.type() != MessageType.REPORT) {
                XmlOut.element(xml, "references", sender + "," + advisory.documentId() + ","
                        + CapReplies.capTime(advisory.reportTime()));
            }
            List<EvacuationBody.Detail> details = advisory.body() instanceof EvacuationBody evacuation
                    ? evacuation.details() : List.of();
            if (details.isEmpty()) {
                info(xml, advisory, null, true);
            } else {
                for (int i = 0; i < details.size(); i++) {
                    info(xml, advisory, details.get(i), i == 0);
                }
            }
            if (advisory.headline().en() != null) {
                english(xml, advisory);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("rendering CAP failed", e);
        }
        return out.toString();
    }

    private static void info(XMLStreamWriter xml, Advisory advisory, EvacuationBody.Detail detail, boolean first)
            throws XMLStreamException {
        xml.writeStartElement("info");
        XmlOut.element(xml, "language", "ja-JP");
        XmlOut.element(xml, "category", capCategory(advisory.category()));
        XmlOut.element(xml, "event", event(advisory, detail));
        if (detail != null) {
            XmlOut.element(xml, "responseType", detail.status() == IssueStatus.LIFTED ? "AllClear" : "Evacuate");
        }
        Level level = Level.of(detail);
        XmlOut.element(xml, "urgency", level.urgency);
        XmlOut.element(xml, "severity", level.severity);
        XmlOut.element(xml, "certainty", level.certainty);
        if (first && advisory.targetTime() != null) {
            XmlOut.element(xml, "effective", CapReplies.capTime(advisory.targetTime()));
        }
        if (advisory.validUntil() != null) {
            XmlOut.element(xml, "expires", CapReplies.capTime(advisory.validUntil()));
        }
        optional(xml, "senderName", advisory.sender().name());
        XmlOut.element(xml, "headline", advisory.headline().ja());
        optional(xml, "description", advisory.text() == null ? null : advisory.text().ja());
        optional(xml, "web", advisory.body() instanceof NoticeBody notice ? notice.url()
                : advisory.body() instanceof EventBody event ? event.url() : null);
        if (first) {
            parameter(xml, CapChain.DOCUMENT_ID, advisory.documentId());
            parameter(xml, CapChain.DOCUMENT_REVISION, Integer.toString(advisory.revision()));
            parameter(xml, CapMapper.CATEGORY, advisory.category().wireName());
            if (advisory.disaster() != null) {
                parameter(xml, CapMapper.DISASTER, advisory.disaster());
            }
            if (advisory.sender().office() != null) {
                parameter(xml, CapMapper.OFFICE, advisory.sender().office());
            }
        }
        if (detail != null) {
            parameter(xml, CapEvacuation.LEVEL, detail.sourceLabel() != null ? detail.sourceLabel()
                    : Integer.toString(detail.level().number()));
            parameter(xml, CapEvacuation.STATUS, detail.status().wireName());
            if (detail.time() != null) {
                parameter(xml, CapEvacuation.TIME, CapReplies.capTime(detail.time()));
            }
            if (detail.households() != null) {
                parameter(xml, CapEvacuation.HOUSEHOLDS, detail.households().toString());
            }
            if (detail.people() != null) {
                parameter(xml, CapEvacuation.PEOPLE, detail.people().toString());
            }
        }
        if (first) {
            for (TargetArea area : advisory.areas()) {
                xml.writeStartElement("area");
                XmlOut.element(xml, "areaDesc", area.name() != null ? area.name() : area.code().value());
                geocode(xml, CapAreas.JIS, area.code().value());
                xml.writeEndElement();
            }
        }
        if (detail != null) {
            for (SubArea subArea : detail.subAreas()) {
                subArea(xml, subArea);
            }
        }
        xml.writeEndElement();
    }

    private static void english(XMLStreamWriter xml, Advisory advisory) throws XMLStreamException {
        xml.writeStartElement("info");
        XmlOut.element(xml, "language", "en-US");
        XmlOut.element(xml, "category", capCategory(advisory.category()));
        XmlOut.element(xml, "event", advisory.headline().en());
        XmlOut.element(xml, "urgency", "Unknown");
        XmlOut.element(xml, "severity", "Unknown");
        XmlOut.element(xml, "certainty", "Unknown");
        XmlOut.element(xml, "headline", advisory.headline().en());
        optional(xml, "description", advisory.text() == null ? null : advisory.text().en());
        xml.writeEndElement();
    }

    private static void subArea(XMLStreamWriter xml, SubArea subArea) throws XMLStreamException {
        xml.writeStartElement("area");
        XmlOut.element(xml, "areaDesc", subArea.name());
        if (subArea.geometry() instanceof Geometry.Polygon polygon) {
            XmlOut.element(xml, "polygon", polygon.points().stream().map(p -> p.lat() + "," + p.lon())
                    .collect(Collectors.joining(" ")));
        } else if (subArea.geometry() instanceof Geometry.Circle circle) {
            XmlOut.element(xml, "circle", circle.centre().lat() + "," + circle.centre().lon() + " " + circle.radiusKm());
        }
        if (subArea.code() != null) {
            geocode(xml, CapAreas.SUB_AREA, subArea.code());
        }
        if (subArea.municipality() != null) {
            geocode(xml, CapAreas.JIS, subArea.municipality().value());
        }
        xml.writeEndElement();
    }

    private static String event(Advisory advisory, EvacuationBody.Detail detail) {
        if (detail != null) {
            return detail.level().label() + (detail.status() == IssueStatus.LIFTED ? "の解除" : "");
        }
        if (advisory.body() instanceof EventBody event && event.name() != null) {
            return event.name();
        }
        return advisory.headline().ja();
    }

    private static String capCategory(Category category) {
        return switch (category) {
            case GENERAL_INFORMATION, EVENT -> "Other";
            default -> "Safety";
        };
    }

    /** CAP urgency, severity and certainty by evacuation level; Unknown for other information. */
    private enum Level {
        LEVEL_5("Immediate", "Extreme", "Observed"),
        LEVEL_4("Immediate", "Severe", "Likely"),
        LEVEL_3("Expected", "Moderate", "Likely"),
        LIFTED("Past", "Minor", "Observed"),
        NONE("Unknown", "Unknown", "Unknown");

        final String urgency;
        final String severity;
        final String certainty;

        Level(String urgency, String severity, String certainty) {
            this.urgency = urgency;
            this.severity = severity;
            this.certainty = certainty;
        }

        static Level of(EvacuationBody.Detail detail) {
            if (detail == null) {
                return NONE;
            }
            if (detail.status() == IssueStatus.LIFTED) {
                return LIFTED;
            }
            return detail.level() == EvacuationLevel.LEVEL_5 ? LEVEL_5
                    : detail.level() == EvacuationLevel.LEVEL_4 ? LEVEL_4 : LEVEL_3;
        }
    }

    private static void parameter(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("parameter");
        XmlOut.element(xml, "valueName", name);
        XmlOut.element(xml, "value", value);
        xml.writeEndElement();
    }

    private static void geocode(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("geocode");
        XmlOut.element(xml, "valueName", name);
        XmlOut.element(xml, "value", value);
        xml.writeEndElement();
    }

    private static void optional(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text != null) {
            XmlOut.element(xml, name, text);
        }
    }
}
