package jp.bousai.relay.adapters.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import jp.bousai.relay.adapters.FormatChecks;
import jp.bousai.relay.adapters.xml.SafeXml;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.auth.IssuePolicy;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.EarlierRevision;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

/**
 * The identity of the CAP alerts this server emits: stable per revision, and an Update or Cancel
 * references exactly the alerts emitted for the earlier revisions.
 */
@Timeout(60)
class CapIdentityTest {

    private static final JisCode CHIYODA = JisCode.parse("131016");
    private static final CapRenderer RENDERER = new CapRenderer("https://bousai.example.jp/");

    private static Advisory fixture(String name) throws Exception {
        byte[] body = Files.readAllBytes(Path.of("src", "test", "resources", "cap", name));
        return IssuePolicy.authorise(FormatChecks.CHIYODA, new CapFormat().decode(body, new FieldErrors()));
    }

    private static EarlierRevision earlier(int revision, String reportTime) {
        return new EarlierRevision(revision, CHIYODA, OffsetDateTime.parse(reportTime));
    }

    private static String field(String cap, String name) {
        Element alert = SafeXml.parse(cap.getBytes(StandardCharsets.UTF_8), CapFormat.SCHEMA).getDocumentElement();
        List<Element> found = CapReader.children(alert, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    private static String referenceTo(String cap) {
        return field(cap, "sender") + "," + field(cap, "identifier") + "," + field(cap, "sent");
    }

    @Test
    void updatesAndCancelsReferenceTheAlertsEmittedForTheEarlierRevisions() throws Exception {
        String alert = RENDERER.render(new AdvisoryRecord(1, fixture("evacuation-alert.xml"), "{}", Instant.EPOCH,
                "cap"));
        String update = RENDERER.render(new AdvisoryRecord(2, fixture("evacuation-update.xml"), "{}", Instant.EPOCH,
                "cap", List.of(earlier(1, "2026-09-01T10:00:00+09:00"))));
        String cancel = RENDERER.render(new AdvisoryRecord(3, fixture("evacuation-cancel.xml"), "{}", Instant.EPOCH,
                "cap", List.of(earlier(1, "2026-09-01T10:00:00+09:00"), earlier(2, "2026-09-01T12:30:00+09:00"))));
        assertThat(field(alert, "references")).isNull();
        assertThat(field(update, "references")).isEqualTo(referenceTo(alert));
        assertThat(field(cancel, "references")).isEqualTo(referenceTo(alert) + " " + referenceTo(update));
        assertThat(List.of(field(alert, "identifier"), field(update, "identifier"), field(cancel, "identifier")))
                .doesNotHaveDuplicates();
    }

    @Test
    void renderingARevisionAgainGivesTheSameBytes() throws Exception {
        Advisory update = fixture("evacuation-update.xml");
        List<EarlierRevision> earlier = List.of(earlier(1, "2026-09-01T10:00:00+09:00"));
        String once = RENDERER.render(new AdvisoryRecord(2, update, "{}", Instant.EPOCH, "cap", earlier));
        String again = new CapRenderer("https://bousai.example.jp").render(
                new AdvisoryRecord(99, update, "{}", Instant.now(), "cap", earlier));
        assertThat(again).isEqualTo(once);
    }

    @Test
    void rendersTheCancelOfAThreeRevisionChainAsTheGoldenFixture() throws Exception {
        String rendered = RENDERER.render(new AdvisoryRecord(3, fixture("evacuation-cancel.xml"), "{}", Instant.EPOCH,
                "cap", List.of(earlier(1, "2026-09-01T10:00:00+09:00"), earlier(2, "2026-09-01T12:30:00+09:00"))));
        String golden = Files.readString(Path.of("src", "test", "resources", "cap", "rendered",
                "evacuation-cancel-r3.xml"));
        assertThat(elementsOnly(rendered)).isEqualTo(elementsOnly(golden));
        assertThat(PublicAlertsProfile.violations(rendered)).isEmpty();
    }

    @Test
    void identifiersEscapeWhatCapForbidsAndStayDistinct() {
        assertThat(CapIdentity.identifier("doc 1,a<b&c%", 2)).isEqualTo("doc%201%2Ca%3Cb%26c%25-r2");
        assertThat(CapIdentity.identifier("a-r1", 2)).isNotEqualTo(CapIdentity.identifier("a", 12));
    }

    /** The XML without its declaration, comments and the whitespace between elements. */
    private static String elementsOnly(String xml) {
        return xml.replaceFirst("^<\\?xml[^>]*\\?>", "").replaceAll("(?s)<!--.*?-->", "").replaceAll(">\\s+<", "><")
                .strip();
    }
}
