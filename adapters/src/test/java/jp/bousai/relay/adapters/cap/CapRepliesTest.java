package jp.bousai.relay.adapters.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.bousai.relay.adapters.xml.SafeXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class CapRepliesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-09-01T01:00:05.123Z");

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Path.of("src", "test", "resources", "cap", name));
    }

    private static String text(Document document, String element) {
        return document.getElementsByTagNameNS(CapReader.NS, element).item(0).getTextContent();
    }

    @Test
    void anAckReferencesTheReceivedAlertAndValidatesAgainstTheSchema() throws Exception {
        var received = CapReplies.identify(fixture("evacuation-alert.xml")).orElseThrow();
        String ack = CapReplies.ack(received, NOW, "accepted as seq 7");
        Document document = SafeXml.parse(ack.getBytes(StandardCharsets.UTF_8), CapFormat.SCHEMA);
        assertThat(text(document, "msgType")).isEqualTo("Ack");
        assertThat(text(document, "references"))
                .isEqualTo("bousai@city.chiyoda.example.jp,chiyoda-2026-0901-001,2026-09-01T10:00:00+09:00");
        assertThat(text(document, "sent")).isEqualTo("2026-09-01T01:00:05-00:00");
        assertThat(text(document, "status")).isEqualTo("Actual");
        assertThat(text(document, "addresses")).isEqualTo("bousai@city.chiyoda.example.jp");
        assertThat(text(document, "note")).isEqualTo("accepted as seq 7");
    }

    @Test
    void anErrorForAnUnidentifiableBodyCarriesTheReasonsAndValidates() {
        String error = CapReplies.error(CapReplies.identify("not xml".getBytes(StandardCharsets.UTF_8)), NOW,
                List.of("400 the body is not acceptable XML", "/alert: more"));
        Document document = SafeXml.parse(error.getBytes(StandardCharsets.UTF_8), CapFormat.SCHEMA);
        assertThat(text(document, "msgType")).isEqualTo("Error");
        assertThat(text(document, "scope")).isEqualTo("Public");
        assertThat(document.getElementsByTagNameNS(CapReader.NS, "references").getLength()).isZero();
        assertThat(text(document, "note")).isEqualTo("400 the body is not acceptable XML; /alert: more");
    }

    @Test
    void identifiesOnlyWhatBeginsLikeACapAlert() throws Exception {
        assertThat(CapReplies.identify(fixture("legacy-label-exercise.xml")))
                .hasValue(new CapReplies.Received("bousai@city.chiyoda.example.jp", "chiyoda-drill-001",
                        "2026-09-01T09:00:00+09:00", "Exercise"));
        assertThat(CapReplies.identify("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(Optional.empty());
        assertThat(CapReplies.identify("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
