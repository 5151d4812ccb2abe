package jp.bousai.relay.adapters.commons;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.AdvisoryBody;
import jp.bousai.relay.core.advisory.DamageBody;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EventBody;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.advisory.HeadquartersBody;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.ShelterBody;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.advisory.Timestamps;

/**
 * Renders an advisory as an L-Alert message: EDXL-DE 1.0 with the Commons extensions and an
 * embedded PCXML Report in the generation-4 namespaces, by the table in {@code docs/formats.md}
 * read the other way. Evacuation details carry the 2021 level explicitly ({@code Level} 3, 4 or 5
 * beside the {@code Sort} label); circles are written {@code lat,lon,radius} as the L-Alert hub
 * writes them, times always with seconds; Control and Head are written by {@link CommonsReportHeader}.
 * Decoding what was rendered gives back the same advisory, except for English text, which Commons
 * has no place for.
 */
public final class CommonsRenderer {

    static final String PCXML = "http://xml.publiccommons.ne.jp/pcxml1/4";
    static final String INFORMATION_BASIS = "http://xml.publiccommons.ne.jp/pcxml1/informationBasis4/";
    static final String ELEMENT_BASIS = "http://xml.publiccommons.ne.jp/pcxml1/elementBasis4/";
    private static final String BODY = "http://xml.publiccommons.ne.jp/pcxml1/body/";
    private static final Map<String, String> BODY_NAMESPACES = Map.of("EvacuationOrder", "evacuation4",
            "Shelter", "shelter4", "AntidisasterHeadquarter", "antidisasterHeadquarter4",
            "DamageInformation", "damageInformation4", "GeneralInformation", "generalInformation4", "Event", "event4");
    private static final Map<DamageBody.Group, String> DAMAGE_LABELS = CommonsBodies.DAMAGE_GROUPS.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    /** The sender id domain of what this relay sends on. */
    public static final String SENDER_DOMAIN = "bousai-relay";

    private CommonsRenderer() {
    }

    /** The message as a standalone XML document. */
    public static String render(Advisory advisory) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            write(xml, advisory);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("rendering a Commons message failed", e);
        }
        return out.toString();
    }

    /** Writes the {@code EDXLDistribution} element at the writer's position (e.g. inside a SOAP body). */
    static void write(XMLStreamWriter xml, Advisory advisory) throws XMLStreamException {
        CommonsOut out = new CommonsOut(xml);
        xml.writeStartElement("edxlde", "EDXLDistribution", CommonsNs.EDXL);
        xml.writeNamespace("edxlde", CommonsNs.EDXL);
        xml.writeNamespace("commons", CommonsNs.COMMONS);
        out.edxl("distributionID", advisory.distributionId());
        out.edxl("senderID", advisory.sender().code().value() + "@" + SENDER_DOMAIN);
        out.edxl("dateTimeSent", time(advisory.reportTime()));
        out.edxl("distributionStatus", advisory.mode().wireName());
        out.edxl("distributionType", advisory.type().wireName());
        out.edxl("combinedConfidentiality", "UNCLASSIFIED AND NOT SENSITIVE");
        out.edxl("language", "ja-JP");
        for (TargetArea area : advisory.areas()) {
            xml.writeStartElement("commons", "targetArea", CommonsNs.COMMONS);
            out.commons("areaName", area.name());
            out.commons("jisX0402", area.code().value());
            xml.writeEndElement();
        }
        xml.writeStartElement("commons", "contentObject", CommonsNs.COMMONS);
        out.edxl("contentDescription", advisory.headline().ja());
        xml.writeStartElement("edxlde", "xmlContent", CommonsNs.EDXL);
        xml.writeStartElement("edxlde", "embeddedXMLContent", CommonsNs.EDXL);
        report(out, advisory);
        xml.writeEndElement();
        xml.writeEndElement();
        out.commons("publishingOfficeName", advisory.sender().name());
        out.commons("documentRevision", Integer.toString(advisory.revision()));
        out.commons("documentID", advisory.documentId());
        out.commons("category", advisory.category().wireName());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void report(CommonsOut out, Advisory advisory) throws XMLStreamException {
        XMLStreamWriter xml = out.xml;
        xml.writeStartElement("pcx", "Report", PCXML);
        xml.writeNamespace("pcx", PCXML);
        xml.writeNamespace("pcx_ib", INFORMATION_BASIS);
        xml.writeNamespace("pcx_eb", ELEMENT_BASIS);
        CommonsReportHeader.control(out, advisory);
        CommonsReportHeader.head(out, advisory);
        body(out, advisory);
        xml.writeEndElement();
    }

    /** The category's body; a Cancel's holds only the disaster name. */
    private static void body(CommonsOut out, Advisory advisory) throws XMLStreamException {
        String name = advisory.category().wireName();
        String ns = BODY + BODY_NAMESPACES.get(name);
        CommonsOut body = out.in(ns);
        out.xml.writeStartElement("pcx_eo", name, ns);
        out.xml.writeNamespace("pcx_eo", ns);
        if (advisory.disaster() != null) {
            out.xml.writeStartElement("pcx_eb", "Disaster", ELEMENT_BASIS);
            out.element("pcx_eb", ELEMENT_BASIS, "DisasterName", advisory.disaster());
            out.xml.writeEndElement();
        }
        AdvisoryBody content = advisory.body();
        if (content instanceof EvacuationBody evacuation) {
            for (EvacuationBody.Detail detail : evacuation.details()) {
                evacuationDetail(body, detail);
            }
        } else if (content instanceof ShelterBody shelters) {
            body.start("Informations");
            for (ShelterBody.Shelter shelter : shelters.shelters()) {
                shelter(body, shelter);
            }
            body.end();
        } else if (content instanceof HeadquartersBody headquarters) {
            body.body("Type", headquarters.kind() == null ? null : headquarters.kind().label());
            body.body("Status", headquarters.status() == null ? null : headquarters.status().label());
            body.body("DateTime", time(headquarters.time()));
        } else if (content instanceof DamageBody damage) {
            for (DamageBody.Item item : damage.items()) {
                damageItem(body, item);
            }
        } else if (content instanceof NoticeBody notice) {
            body.body("URL", notice.url());
        } else if (content instanceof EventBody event) {
            body.body("Name", event.name());
            body.body("Description", event.description());
            body.body("URL", event.url());
        }
        out.xml.writeEndElement();
    }

    private static void evacuationDetail(CommonsOut body, EvacuationBody.Detail detail) throws XMLStreamException {
        body.start("Detail");
        body.body("Sort", detail.sourceLabel() != null ? detail.sourceLabel() : detail.level().label());
        body.body("Level", Integer.toString(detail.level().number()));
        body.body("IssueOrLift", detail.status() == IssueStatus.LIFTED ? "解除" : "発令");
        if (detail.households() != null || detail.people() != null) {
            body.start("Object");
            counts(body, detail.people(), detail.households());
            body.end();
        }
        if (!detail.subAreas().isEmpty() || detail.time() != null) {
            body.start("Areas");
            if (detail.subAreas().isEmpty()) {
                body.start("Area");
                body.body("DateTime", time(detail.time()));
                body.end();
            }
            for (SubArea subArea : detail.subAreas()) {
                body.start("Area");
                location(body, subArea.name(), subArea.code(), subArea.municipality() == null ? null
                        : subArea.municipality().value(), subArea.geometry(), null);
                body.body("DateTime", time(detail.time()));
                body.end();
            }
            body.end();
        }
        body.end();
    }

    private static void shelter(CommonsOut body, ShelterBody.Shelter shelter) throws XMLStreamException {
        body.start("Information");
        location(body, shelter.name(), null, shelter.municipality() == null ? null : shelter.municipality().value(),
                shelter.location() == null ? null : new Geometry.Circle(shelter.location(), 0), shelter.address());
        body.body("Type", shelter.kind());
        body.body("Sort", shelter.status() == null ? null : shelter.status().label());
        body.body("Capacity", shelter.capacity() == null ? null : shelter.capacity().toString());
        body.body("Status", shelter.crowding() == null ? null : shelter.crowding().label());
        if (shelter.headCount() != null || shelter.households() != null) {
            body.start("NumberOf");
            counts(body, shelter.headCount(), shelter.households());
            body.end();
        }
        body.end();
    }

    private static void damageItem(CommonsOut body, DamageBody.Item item) throws XMLStreamException {
        body.start("Detail");
        body.body("Kind", item.group() == null ? null : DAMAGE_LABELS.get(item.group()));
        body.body("Item", item.item());
        body.xml.writeStartElement("pcx_eo", "Count", body.ns);
        if (item.unit() != null) {
            body.xml.writeAttribute("unit", item.unit());
        }
        body.xml.writeCharacters(Long.toString(item.count()));
        body.xml.writeEndElement();
        body.end();
    }

    private static void counts(CommonsOut body, Integer people, Integer households) throws XMLStreamException {
        body.body("HeadCount", people == null ? null : people.toString());
        body.body("Households", households == null ? null : households.toString());
    }

    private static void location(CommonsOut body, String name, String subAreaCode, String municipality, Geometry geometry,
                                 String address) throws XMLStreamException {
        XMLStreamWriter xml = body.xml;
        xml.writeStartElement("pcx_eb", "Location", ELEMENT_BASIS);
        body.commons("areaName", name);
        body.commons("ooAzaTyouTyouMokuCode", subAreaCode);
        body.body("Address", address);
        body.commons("jisX0402", municipality);
        if (geometry instanceof Geometry.Polygon polygon) {
            body.edxl("polygon", polygon.points().stream().map(CommonsRenderer::point).collect(Collectors.joining(" ")));
        } else if (geometry instanceof Geometry.Circle circle) {
            body.edxl("circle", point(circle.centre()) + "," + number(circle.radiusKm()));
        }
        xml.writeEndElement();
    }

    private static String point(Geometry.LatLon point) {
        return number(point.lat()) + "," + number(point.lon());
    }

    /** A decimal without an exponent, as the EDXL-DE text forms expect. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** xs:dateTime always with seconds (as receivers' schemas require), e.g. {@code 2026-09-01T10:00:00+09:00}. */
    static String time(OffsetDateTime time) {
        return time == null ? null : Timestamps.rfc3339(time);
    }
}
