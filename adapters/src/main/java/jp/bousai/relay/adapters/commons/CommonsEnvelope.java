package jp.bousai.relay.adapters.commons;

import jp.bousai.relay.adapters.xml.DomElements;
import static jp.bousai.relay.adapters.xml.DomElements.child;
import static jp.bousai.relay.adapters.xml.DomElements.children;
import static jp.bousai.relay.adapters.xml.DomElements.text;

import java.util.List;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * The parts of an L-Alert message, found by namespace URI: the EDXL-DE envelope, its Commons
 * extensions ({@code targetArea}, {@code contentObject}) and the embedded PCXML {@code Report}
 * with its {@code Control}, {@code Head} and body. Null where a part is missing.
 */
record CommonsEnvelope(Element distribution, List<Element> targetAreas, Element contentObject, Element report,
                       Element control, Element head, Element body) {

    static final Predicate<String> EDXL = CommonsNs.EDXL::equals;
    static final Predicate<String> COMMONS = CommonsNs.COMMONS::equals;
    static final Predicate<String> ANY_COMMONS = CommonsNs::isCommons;

    static CommonsEnvelope of(Element distribution) {
        Element contentObject = child(distribution, "contentObject", COMMONS);
        Element xmlContent = child(contentObject, "xmlContent", EDXL);
        Element embedded = child(xmlContent, "embeddedXMLContent", EDXL);
        Element report = child(embedded, "Report", CommonsNs::isReport);
        Element body = null;
        if (report != null) {
            body = DomElements.all(report).stream().filter(e -> CommonsNs.isBody(e.getNamespaceURI()))
                    .findFirst().orElse(null);
        }
        return new CommonsEnvelope(distribution, children(distribution, "targetArea", COMMONS), contentObject,
                report, child(report, "Control", ANY_COMMONS), child(report, "Head", CommonsNs::isInformationBasis),
                body);
    }

    String edxl(String name) {
        return text(distribution, name, EDXL);
    }

    String content(String name) {
        return text(contentObject, name, COMMONS);
    }

    String head(String name) {
        return text(head, name, CommonsNs::isInformationBasis);
    }

    String control(String name) {
        return text(control, name, ANY_COMMONS);
    }

    /** The Control's {@code distributionStatus}, in the EDXL namespace (as the hub writes it) or a PCXML one. */
    String controlDistributionStatus() {
        return text(control, "distributionStatus", ns -> CommonsNs.EDXL.equals(ns) || CommonsNs.isCommons(ns));
    }

    /**
     * The publishing office's details: {@code PublishingOffice/OfficeInfo} as real senders nest
     * them, else {@code PublishingOffice} itself (older messages put the names directly in it).
     */
    Element publishingOfficeInfo() {
        Element office = child(control, "PublishingOffice", ANY_COMMONS);
        Element info = child(office, "OfficeInfo", ANY_COMMONS);
        return info != null ? info : office;
    }

    /** Whether the office's details are nested in {@code OfficeInfo}, for naming paths. */
    boolean officeInfoNested() {
        return child(child(control, "PublishingOffice", ANY_COMMONS), "OfficeInfo", ANY_COMMONS) != null;
    }
}
