package jp.bousai.relay.adapters.commons;

import static jp.bousai.relay.adapters.commons.CommonsRenderer.ELEMENT_BASIS;
import static jp.bousai.relay.adapters.commons.CommonsRenderer.INFORMATION_BASIS;
import static jp.bousai.relay.adapters.commons.CommonsRenderer.PCXML;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.TargetArea;

/**
 * The Report's {@code Control} and {@code Head} as receivers of real L-Alert traffic parse them:
 * {@code Control/Status} and the EDXL {@code distributionStatus}, the offices in
 * {@code OfficeInfo}, and a {@code Head/Headline} that always holds {@code Text} (empty when the
 * advisory has none) and {@code Areas}.
 */
final class CommonsReportHeader {

    private CommonsReportHeader() {
    }

    static void control(CommonsOut out, Advisory advisory) throws XMLStreamException {
        XMLStreamWriter xml = out.xml;
        xml.writeStartElement("pcx", "Control", PCXML);
        out.element("pcx", PCXML, "Title", advisory.headline().ja());
        out.element("pcx", PCXML, "DateTime", CommonsRenderer.time(advisory.reportTime()));
        out.element("pcx", PCXML, "Status", statusWord(advisory.mode()));
        out.edxl("distributionStatus", advisory.mode().wireName());
        office(out, "EditorialOffice", advisory);
        office(out, "PublishingOffice", advisory);
        xml.writeEndElement();
    }

    /** PCXML's word for the mode; System has none and is carried by distributionStatus alone. */
    private static String statusWord(Mode mode) {
        return switch (mode) {
            case ACTUAL -> "通常";
            case EXERCISE -> "訓練";
            case TEST -> "試験";
            case SYSTEM -> null;
        };
    }

    private static void office(CommonsOut out, String role, Advisory advisory) throws XMLStreamException {
        out.xml.writeStartElement("pcx", role, PCXML);
        out.xml.writeStartElement("pcx_eb", "OfficeInfo", ELEMENT_BASIS);
        out.element("pcx_eb", ELEMENT_BASIS, "OrganizationName", advisory.sender().name());
        out.element("pcx_eb", ELEMENT_BASIS, "OrganizationCode", advisory.sender().code().value());
        out.element("pcx_eb", ELEMENT_BASIS, "OfficeName", advisory.sender().office());
        out.xml.writeEndElement();
        out.xml.writeEndElement();
    }

    static void head(CommonsOut out, Advisory advisory) throws XMLStreamException {
        XMLStreamWriter xml = out.xml;
        xml.writeStartElement("pcx_ib", "Head", INFORMATION_BASIS);
        out.head("Title", advisory.headline().ja());
        out.head("CreateDateTime", CommonsRenderer.time(advisory.reportTime()));
        out.head("ReportDateTime", CommonsRenderer.time(advisory.reportTime()));
        out.head("TargetDateTime", CommonsRenderer.time(advisory.targetTime()));
        out.head("ValidDateTime", CommonsRenderer.time(advisory.validUntil()));
        xml.writeStartElement("pcx_ib", "Headline", INFORMATION_BASIS);
        String text = advisory.text() == null ? null : advisory.text().ja();
        out.head("Text", text == null ? "" : text);
        xml.writeStartElement("pcx_ib", "Areas", INFORMATION_BASIS);
        for (TargetArea area : advisory.areas()) {
            xml.writeStartElement("pcx_ib", "Area", INFORMATION_BASIS);
            out.head("Name", area.name() != null ? area.name() : area.code().value());
            out.head("Code", area.code().value());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
