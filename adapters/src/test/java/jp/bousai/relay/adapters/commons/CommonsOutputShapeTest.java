package jp.bousai.relay.adapters.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import jp.bousai.relay.adapters.FormatChecks;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.IssuePolicy;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;

/**
 * Our Commons output has the structure receivers of real L-Alert traffic parse (by namespace URI,
 * whatever the prefixes): the EDXL distributionStatus in Control, OfficeInfo, a Head whose
 * Headline always holds Text and Areas, sub-area codes in the Commons namespace, documentID.
 */
@Timeout(30)
class CommonsOutputShapeTest {

    private static final Map<String, String> NS = Map.of("e", CommonsNs.EDXL, "c", CommonsNs.COMMONS,
            "r", CommonsRenderer.PCXML, "ib", CommonsRenderer.INFORMATION_BASIS, "eb", CommonsRenderer.ELEMENT_BASIS,
            "ev", "http://xml.publiccommons.ne.jp/pcxml1/body/evacuation4");
    private static final String REPORT = "/e:EDXLDistribution/c:contentObject/e:xmlContent/e:embeddedXMLContent/r:Report";

    private static Advisory hubOrderWithoutText() throws Exception {
        String message = Files.readString(Path.of("src/test/resources/commons/evacuation-order-lalert-hub-v4.xml"))
                .replace("<pcx_ib:Text>神田川の氾濫のおそれがあるため、避難指示を発令しました。</pcx_ib:Text>", "");
        FieldErrors errors = new FieldErrors();
        Advisory advisory = IssuePolicy.authorise(FormatChecks.CHIYODA, new CommonsFormat()
                .decode(message.getBytes(StandardCharsets.UTF_8), FormatChecks.CHIYODA, errors));
        assertThat(errors.list()).isEmpty();
        assertThat(advisory.text()).isNull();
        return advisory;
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
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
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }

    @Test
    void anAdvisoryWithoutTextStillHasTheHeadlineAndTheFieldsReceiversRead() throws Exception {
        String rendered = CommonsRenderer.render(hubOrderWithoutText());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)));
        XPath x = xpath();
        assertThat(x.evaluate("count(" + REPORT + "/ib:Head/ib:Headline/ib:Text)", doc)).isEqualTo("1");
        assertThat(x.evaluate(REPORT + "/ib:Head/ib:Headline/ib:Areas/ib:Area/ib:Code", doc)).isEqualTo("131016");
        assertThat(x.evaluate(REPORT + "/ib:Head/ib:Headline/ib:Areas/ib:Area/ib:Name", doc)).isEqualTo("千代田区");
        assertThat(x.evaluate(REPORT + "/r:Control/e:distributionStatus", doc)).isEqualTo("Actual");
        assertThat(x.evaluate(REPORT + "/r:Control/r:Status", doc)).isEqualTo("通常");
        assertThat(x.evaluate(REPORT + "/r:Control/r:PublishingOffice/eb:OfficeInfo/eb:OrganizationCode", doc))
                .isEqualTo("131016");
        assertThat(x.evaluate(REPORT + "/r:Control/r:PublishingOffice/eb:OfficeInfo/eb:OrganizationName", doc))
                .isEqualTo("千代田区");
        assertThat(x.evaluate(REPORT + "/r:Control/r:PublishingOffice/eb:OfficeInfo/eb:OfficeName", doc))
                .isEqualTo("防災危機管理課");
        assertThat(x.evaluate("/e:EDXLDistribution/c:contentObject/c:documentID", doc))
                .isEqualTo("131016-evacuation-20260901-01");
        assertThat(x.evaluate(REPORT + "/ib:Head/ib:ReportDateTime", doc)).isEqualTo("2026-09-01T14:05:00+09:00");
        String location = REPORT + "/ev:EvacuationOrder/ev:Detail/ev:Areas/ev:Area[1]/eb:Location/";
        assertThat(x.evaluate(location + "c:jisX0402", doc)).isEqualTo("131016");
        assertThat(x.evaluate(location + "c:ooAzaTyouTyouMokuCode", doc)).isEqualTo("131010014001");
        assertThat(x.evaluate(location + "e:circle", doc)).isEqualTo("35.691634,139.756685,0");
    }
}
