package jp.bousai.relay.server.receivers;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A media receiver's reading of a {@code publish} request, written from the layout published in
 * {@code docs/formats.md} ("Commons output") and not from our code: XPath by namespace URI (the
 * prefixes are not part of the contract), generation-4 PCXML. A missing {@code Headline} fails,
 * as it does in the receivers that real L-Alert traffic reaches.
 */
final class CommonsLayoutReader {

    private static final Map<String, String> NS = Map.of(
            "soap", "http://schemas.xmlsoap.org/soap/envelope/",
            "mq", "http://soap.publiccommons.ne.jp/",
            "edxlde", "urn:oasis:names:tc:emergency:EDXL:DE:1.0",
            "commons", "http://xml.publiccommons.ne.jp/xml/edxl/",
            "pcx", "http://xml.publiccommons.ne.jp/pcxml1/4",
            "pcx_ib", "http://xml.publiccommons.ne.jp/pcxml1/informationBasis4/",
            "pcx_eb", "http://xml.publiccommons.ne.jp/pcxml1/elementBasis4/",
            "pcx_eo", "http://xml.publiccommons.ne.jp/pcxml1/body/evacuation4");
    private static final String EDXL = "/soap:Envelope/soap:Body/mq:publish/*[local-name()='message']/edxlde:EDXLDistribution";
    private static final String CONTENT = EDXL + "/commons:contentObject";
    private static final String REPORT = CONTENT + "/edxlde:xmlContent/edxlde:embeddedXMLContent/pcx:Report";
    private static final String CONTROL = REPORT + "/pcx:Control";
    private static final String HEAD = REPORT + "/pcx_ib:Head";

    private final Document document;
    private final XPath xpath;

    private CommonsLayoutReader(Document document) {
        this.document = document;
        this.xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NS.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
    }

    static CommonsLayoutReader of(byte[] request) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return new CommonsLayoutReader(factory.newDocumentBuilder().parse(new ByteArrayInputStream(request)));
    }

    /** Every field a broadcaster's system takes from the message, by its name in docs/formats.md. */
    Map<String, Object> fields() throws XPathExpressionException {
        if (count(HEAD + "/pcx_ib:Headline") != 1 || count(HEAD + "/pcx_ib:Headline/pcx_ib:Text") != 1) {
            throw new IllegalStateException("Head/Headline/Text is missing");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("distributionStatus", text(EDXL + "/edxlde:distributionStatus"));
        fields.put("distributionType", text(EDXL + "/edxlde:distributionType"));
        fields.put("controlStatus", text(CONTROL + "/pcx:Status"));
        fields.put("controlDistributionStatus", text(CONTROL + "/edxlde:distributionStatus"));
        String office = CONTROL + "/pcx:PublishingOffice/pcx_eb:OfficeInfo/pcx_eb:";
        fields.put("organizationName", text(office + "OrganizationName"));
        fields.put("organizationCode", text(office + "OrganizationCode"));
        fields.put("officeName", text(office + "OfficeName"));
        fields.put("documentID", text(CONTENT + "/commons:documentID"));
        fields.put("documentRevision", text(CONTENT + "/commons:documentRevision"));
        fields.put("category", text(CONTENT + "/commons:category"));
        fields.put("targetAreas", pairs(EDXL + "/commons:targetArea", "commons:jisX0402", "commons:areaName"));
        fields.put("title", text(HEAD + "/pcx_ib:Title"));
        fields.put("reportDateTime", text(HEAD + "/pcx_ib:ReportDateTime"));
        fields.put("headlineText", text(HEAD + "/pcx_ib:Headline/pcx_ib:Text"));
        fields.put("headlineAreas", pairs(HEAD + "/pcx_ib:Headline/pcx_ib:Areas/pcx_ib:Area", "pcx_ib:Code", "pcx_ib:Name"));
        String detail = REPORT + "/pcx_eo:EvacuationOrder/pcx_eo:Detail[1]/";
        fields.put("sort", text(detail + "pcx_eo:Sort"));
        fields.put("level", text(detail + "pcx_eo:Level"));
        fields.put("issueOrLift", text(detail + "pcx_eo:IssueOrLift"));
        List<String> subAreas = new ArrayList<>();
        NodeList locations = (NodeList) xpath.evaluate(detail + "pcx_eo:Areas/pcx_eo:Area/pcx_eb:Location", document,
                XPathConstants.NODESET);
        for (int i = 0; i < locations.getLength(); i++) {
            Node location = locations.item(i);
            subAreas.add(String.join("|", xpath.evaluate("commons:areaName", location),
                    xpath.evaluate("commons:jisX0402", location), xpath.evaluate("commons:ooAzaTyouTyouMokuCode", location),
                    xpath.evaluate("edxlde:circle", location)));
        }
        fields.put("subAreas", subAreas);
        return fields;
    }

    private int count(String path) throws XPathExpressionException {
        return ((Number) xpath.evaluate("count(" + path + ")", document, XPathConstants.NUMBER)).intValue();
    }

    private String text(String path) throws XPathExpressionException {
        return count(path) == 0 ? null : xpath.evaluate(path, document);
    }

    private List<String> pairs(String path, String code, String name) throws XPathExpressionException {
        List<String> pairs = new ArrayList<>();
        NodeList nodes = (NodeList) xpath.evaluate(path, document, XPathConstants.NODESET);
        for (int i = 0; i < nodes.getLength(); i++) {
            pairs.add(xpath.evaluate(code, nodes.item(i)) + " " + xpath.evaluate(name, nodes.item(i)));
        }
        return pairs;
    }
}
