package jp.bousai.relay.feeds.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.adapters.json.AdvisoryJsonReader;
import jp.bousai.relay.adapters.json.AdvisoryJsonWriter;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.core.log.CurrentView;
import jp.bousai.relay.core.log.DocumentState;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What an Atom entry links to, and how its times are written. */
class AtomFeedWriterTest {

    private static final String BASE = "http://relay.test:8080";

    private static CurrentView oneOrder() throws Exception {
        FieldErrors errors = new FieldErrors();
        Advisory advisory = AdvisoryJsonReader.read(Files.readAllBytes(Path.of("..", "config", "examples",
                "evacuation-order.json")), errors);
        assertThat(errors.isEmpty()).as(errors.list().toString()).isTrue();
        Instant received = Instant.parse("2026-09-01T01:00:02.345Z");
        AdvisoryRecord record = new AdvisoryRecord(7, advisory, AdvisoryJsonWriter.write(advisory), received, "json");
        return new CurrentView(List.of(new CurrentAdvisory(record, DocumentState.ACTIVE)), 7, received, null);
    }

    private static Document parse(String atom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
    }

    /** Each alternate link of the entry as "type href". */
    private static List<String> alternates(Document feed) {
        NodeList entries = feed.getElementsByTagNameNS(AtomFeedWriter.ATOM, "entry");
        NodeList links = ((Element) entries.item(0)).getElementsByTagNameNS(AtomFeedWriter.ATOM, "link");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (link.getAttribute("rel").equals("alternate")) {
                found.add(link.getAttribute("type") + " " + link.getAttribute("href"));
            }
        }
        return found;
    }

    @Test
    void theJsonLinkAsksForJsonExplicitlySoThatABrowserDoesNotGetXml() throws Exception {
        String atom = AtomFeedWriter.write(oneOrder(), BASE + "/feeds/atom", BASE, null, "t", OutboundFormat.JSON,
                null);
        assertThat(alternates(parse(atom))).containsExactly("application/json " + BASE
                + "/api/v1/advisories/0d6f2c84-3b1e-4f5a-a2c9-7e8d1b4f6a10?format=json");
    }

    @Test
    void capAndCommonsFeedsLinkToTheirFormat() throws Exception {
        String cap = AtomFeedWriter.write(oneOrder(), BASE + "/feeds/cap.atom", BASE, null, "t", OutboundFormat.CAP,
                null);
        String commons = AtomFeedWriter.write(oneOrder(), BASE + "/feeds/commons.atom", BASE, null, "t",
                OutboundFormat.COMMONS, null);
        assertThat(alternates(parse(cap))).containsExactly("application/cap+xml " + BASE
                + "/api/v1/advisories/0d6f2c84-3b1e-4f5a-a2c9-7e8d1b4f6a10?format=cap");
        assertThat(alternates(parse(commons))).containsExactly("application/xml " + BASE
                + "/api/v1/advisories/0d6f2c84-3b1e-4f5a-a2c9-7e8d1b4f6a10?format=commons");
    }

    @Test
    void aPageForPeopleIsLinkedOnlyWhenThereIsOne() throws Exception {
        HtmlPages areaPages = advisory -> "/areas/" + advisory.areas().get(0).code().value();
        String atom = AtomFeedWriter.write(oneOrder(), BASE + "/feeds/atom", null, "t",
                new EntryLinks(BASE, OutboundFormat.JSON, areaPages), null);
        assertThat(alternates(parse(atom))).containsExactly(
                "application/json " + BASE + "/api/v1/advisories/0d6f2c84-3b1e-4f5a-a2c9-7e8d1b4f6a10?format=json",
                "text/html " + BASE + "/areas/131016");
        String withoutPages = AtomFeedWriter.write(oneOrder(), BASE + "/feeds/atom", null, "t",
                new EntryLinks(BASE, OutboundFormat.JSON, HtmlPages.NONE), null);
        assertThat(alternates(parse(withoutPages))).noneMatch(link -> link.startsWith("text/html"));
    }

    @Test
    void updatedIsTheUtcReceiptTimeAndPublishedTheSendersReportTimeInWholeSeconds() throws Exception {
        Document feed = parse(AtomFeedWriter.write(oneOrder(), BASE + "/feeds/atom", BASE, null, "t",
                OutboundFormat.JSON, null));
        NodeList updated = feed.getElementsByTagNameNS(AtomFeedWriter.ATOM, "updated");
        NodeList published = feed.getElementsByTagNameNS(AtomFeedWriter.ATOM, "published");
        assertThat(updated.item(0).getTextContent()).isEqualTo("2026-09-01T01:00:02+00:00");
        assertThat(updated.item(1).getTextContent()).isEqualTo("2026-09-01T01:00:02+00:00");
        assertThat(published.item(0).getTextContent()).isEqualTo("2026-09-01T10:00:00+09:00");
    }
}
