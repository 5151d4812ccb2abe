package jp.bousai.relay.adapters.cap;

import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.bousai.relay.adapters.xml.XmlOut;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EventBody;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.area.JisCode;

/**
 * Writes the {@code info} blocks of one rendered alert. Every info has a {@code description}
 * (the headline when the sender gave no text), a {@code web} link (the notice's or event's own
 * page when it has one, else the advisory in this server's API), {@code senderName} when known,
 * and the target areas, each with its {@value CapAreas#JIS} geocode. A sub-area carries its shape,
 * its sub-area code and its municipality's JIS code; one with none of them gets a
 * {@value CapAreas#WITHIN} geocode for each target area (it lies somewhere in them), so that every
 * area has a geocode or a shape.
 */
final class CapInfoWriter {

    private final XMLStreamWriter xml;
    private final Advisory advisory;
    private final String web;

    CapInfoWriter(XMLStreamWriter xml, Advisory advisory, String advisoryUrl) {
        this.xml = xml;
        this.advisory = advisory;
        String own = advisory.body() instanceof NoticeBody notice ? notice.url()
                : advisory.body() instanceof EventBody event ? event.url() : null;
        this.web = own != null ? own : advisoryUrl;
    }

    void japanese(EvacuationBody.Detail detail, boolean first) throws XMLStreamException {
        xml.writeStartElement("info");
        XmlOut.element(xml, "language", "ja-JP");
        XmlOut.element(xml, "category", capCategory(advisory.category()));
        XmlOut.element(xml, "event", event(detail));
        if (detail != null) {
            XmlOut.element(xml, "responseType", detail.status() == IssueStatus.LIFTED ? "AllClear" : "Evacuate");
        }
        CapSeverity level = CapSeverity.of(detail);
        XmlOut.element(xml, "urgency", level.urgency());
        XmlOut.element(xml, "severity", level.severity());
        XmlOut.element(xml, "certainty", level.certainty());
        if (first && advisory.targetTime() != null) {
            XmlOut.element(xml, "effective", CapReplies.capTime(advisory.targetTime()));
        }
        if (advisory.validUntil() != null) {
            XmlOut.element(xml, "expires", CapReplies.capTime(advisory.validUntil()));
        }
        optional("senderName", advisory.sender().name());
        XmlOut.element(xml, "headline", advisory.headline().ja());
        XmlOut.element(xml, "description", advisory.text() != null && advisory.text().ja() != null
                ? advisory.text().ja() : advisory.headline().ja());
        XmlOut.element(xml, "web", web);
        if (first) {
            parameter(CapChain.DOCUMENT_ID, advisory.documentId());
            parameter(CapChain.DOCUMENT_REVISION, Integer.toString(advisory.revision()));
            parameter(CapChain.DISTRIBUTION_ID, advisory.distributionId());
            parameter(CapMapper.CATEGORY, advisory.category().wireName());
            if (advisory.disaster() != null) {
                parameter(CapMapper.DISASTER, advisory.disaster());
            }
            if (advisory.sender().office() != null) {
                parameter(CapMapper.OFFICE, advisory.sender().office());
            }
        }
        if (detail != null) {
            detailParameters(detail);
        }
        targetAreas();
        if (detail != null) {
            for (SubArea subArea : detail.subAreas()) {
                subArea(subArea);
            }
        }
        xml.writeEndElement();
    }

    void english() throws XMLStreamException {
        xml.writeStartElement("info");
        XmlOut.element(xml, "language", "en-US");
        XmlOut.element(xml, "category", capCategory(advisory.category()));
        XmlOut.element(xml, "event", advisory.headline().en());
        XmlOut.element(xml, "urgency", "Unknown");
        XmlOut.element(xml, "severity", "Unknown");
        XmlOut.element(xml, "certainty", "Unknown");
        if (advisory.validUntil() != null) {
            XmlOut.element(xml, "expires", CapReplies.capTime(advisory.validUntil()));
        }
        XmlOut.element(xml, "headline", advisory.headline().en());
        XmlOut.element(xml, "description", advisory.text() != null && advisory.text().en() != null
                ? advisory.text().en() : advisory.headline().en());
        XmlOut.element(xml, "web", web);
        targetAreas();
        xml.writeEndElement();
    }

    private void detailParameters(EvacuationBody.Detail detail) throws XMLStreamException {
        parameter(CapEvacuation.LEVEL, detail.sourceLabel() != null ? detail.sourceLabel()
                : Integer.toString(detail.level().number()));
        parameter(CapEvacuation.STATUS, detail.status().wireName());
        if (detail.time() != null) {
            parameter(CapEvacuation.TIME, CapReplies.capTime(detail.time()));
        }
        if (detail.households() != null) {
            parameter(CapEvacuation.HOUSEHOLDS, detail.households().toString());
        }
        if (detail.people() != null) {
            parameter(CapEvacuation.PEOPLE, detail.people().toString());
        }
    }

    private void targetAreas() throws XMLStreamException {
        for (TargetArea area : advisory.areas()) {
            xml.writeStartElement("area");
            XmlOut.element(xml, "areaDesc", area.name() != null ? area.name() : area.code().value());
            geocode(CapAreas.JIS, area.code().value());
            xml.writeEndElement();
        }
    }

    private void subArea(SubArea subArea) throws XMLStreamException {
        xml.writeStartElement("area");
        XmlOut.element(xml, "areaDesc", subArea.name());
        if (subArea.geometry() instanceof Geometry.Polygon polygon) {
            XmlOut.element(xml, "polygon", polygon.points().stream().map(p -> p.lat() + "," + p.lon())
                    .collect(Collectors.joining(" ")));
        } else if (subArea.geometry() instanceof Geometry.Circle circle) {
            XmlOut.element(xml, "circle", circle.centre().lat() + "," + circle.centre().lon() + " " + circle.radiusKm());
        }
        if (subArea.code() != null) {
            geocode(CapAreas.SUB_AREA, subArea.code());
        }
        JisCode municipality = subArea.municipality();
        if (municipality != null) {
            geocode(CapAreas.JIS, municipality.value());
        } else if (subArea.geometry() == null && subArea.code() == null) {
            for (TargetArea area : advisory.areas()) {
                geocode(CapAreas.WITHIN, area.code().value());
            }
        }
        xml.writeEndElement();
    }

    private String event(EvacuationBody.Detail detail) {
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

    private void parameter(String name, String value) throws XMLStreamException {
        xml.writeStartElement("parameter");
        XmlOut.element(xml, "valueName", name);
        XmlOut.element(xml, "value", value);
        xml.writeEndElement();
    }

    private void geocode(String name, String value) throws XMLStreamException {
        xml.writeStartElement("geocode");
        XmlOut.element(xml, "valueName", name);
        XmlOut.element(xml, "value", value);
        xml.writeEndElement();
    }

    private void optional(String name, String text) throws XMLStreamException {
        if (text != null) {
            XmlOut.element(xml, name, text);
        }
    }
}
