package jp.bousai.relay.adapters.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import jp.bousai.relay.adapters.FormatChecks;
import jp.bousai.relay.core.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, hostile and invalid CAP messages, each with the problem it must produce: its type and
 * a phrase the sender can act on. Runs the server's pipeline: decode, authorise, rules.
 */
class CapHostileInputTest {

    /** A valid alert; cases replace parts of it. */
    static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>id-1</identifier>
              <sender>bousai@example.jp</sender>
              <sent>2026-09-01T10:00:00+09:00</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <info>
                <language>ja-JP</language>
                <category>Met</category>
                <event>避難指示</event>
                <urgency>Immediate</urgency>
                <severity>Severe</severity>
                <certainty>Likely</certainty>
                <headline>避難指示を発令しました</headline>
                <area>
                  <areaDesc>千代田区</areaDesc>
                  <polygon>35.69,139.75 35.70,139.75 35.70,139.76 35.69,139.75</polygon>
                  <geocode><valueName>JISX0402</valueName><value>131016</value></geocode>
                </area>
              </info>
            </alert>
            """;

    private static Arguments edit(String name, String from, String to, ProblemType type, String phrase) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException("case " + name + ": the template has no '" + from + "'");
        }
        return Arguments.of(name, VALID.replace(from, to).getBytes(StandardCharsets.UTF_8), type, phrase);
    }

    private static Arguments raw(String name, String body, ProblemType type, String phrase) {
        return Arguments.of(name, body.getBytes(StandardCharsets.UTF_8), type, phrase);
    }

    private static Arguments bytes(String name, byte[] body, ProblemType type, String phrase) {
        return Arguments.of(name, body, type, phrase);
    }

    /** The valid alert with {@code bad} in place of the headline's text. */
    private static byte[] withRawBytesInHeadline(byte... bad) {
        String[] parts = VALID.split("避難指示を発令しました", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Stream<Arguments> cases() {
        String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        String root = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">";
        ProblemType malformed = ProblemType.MALFORMED;
        ProblemType invalid = ProblemType.INVALID;
        return Stream.of(
                // Not XML, broken XML
                raw("empty body", "", malformed, "acceptable XML"),
                raw("JSON instead of XML", "{\"identifier\": \"x\"}", malformed, "line 1"),
                raw("truncated", VALID.substring(0, VALID.length() / 2), malformed, "acceptable XML"),
                edit("mismatched end tag", "</sender>", "</sendr>", malformed, "matching end-tag"),
                raw("two root elements", VALID + "<alert/>", malformed, "root element"),
                edit("undeclared prefix", "<status>Actual</status>", "<x:status>Actual</x:status>", malformed, "x"),
                edit("unescaped ampersand", "避難指示を発令しました", "避難 & 指示", malformed, "acceptable XML"),
                edit("unescaped less-than", "避難指示を発令しました", "避難 < 指示", malformed, "acceptable XML"),
                edit("character reference to NUL", "避難指示を発令しました", "&#0;", malformed, "acceptable XML"),
                edit("duplicate attribute", root, "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\" a=\"1\" a=\"2\">",
                        malformed, "acceptable XML"),
                edit("misplaced XML declaration", "<identifier>", "<?xml version=\"1.0\"?><identifier>", malformed,
                        "acceptable XML"),
                // DTDs, entities, external access
                raw("internal entity", prolog + "<!DOCTYPE alert [<!ENTITY x \"y\">]>" + root + "&x;</alert>",
                        malformed, "DOCTYPE"),
                raw("billion laughs", prolog + "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;"
                        + "&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"
                        + "&lol2;&lol2;\">]>" + root + "&lol3;</alert>", malformed, "DOCTYPE"),
                raw("external entity (XXE)", prolog + "<!DOCTYPE alert [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + root + "&xxe;</alert>", malformed, "DOCTYPE"),
                raw("external DTD", prolog + "<!DOCTYPE alert SYSTEM \"http://127.0.0.1:1/evil.dtd\">" + root
                        + "</alert>", malformed, "DOCTYPE"),
                raw("parameter entity", prolog + "<!DOCTYPE alert [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p\"> %p;]>"
                        + root + "</alert>", malformed, "DOCTYPE"),
                edit("XInclude", "<scope>Public</scope>", "<scope>Public</scope><xi:include "
                        + "xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/>", invalid, "XInclude"),
                raw("deep nesting", prolog + root + "<note>" + "<x>".repeat(200) + "</x>".repeat(200) + "</note></alert>",
                        malformed, "deeper than 64"),
                // Encodings
                bytes("invalid UTF-8 sequence", withRawBytesInHeadline((byte) 0xC3, (byte) 0x28), malformed, "UTF-8"),
                bytes("lone continuation byte", withRawBytesInHeadline((byte) 0x80), malformed, "UTF-8"),
                bytes("overlong encoding", withRawBytesInHeadline((byte) 0xC0, (byte) 0xAF), malformed, "UTF-8"),
                bytes("truncated multibyte character", withRawBytesInHeadline((byte) 0xE3, (byte) 0x81), malformed, "UTF-8"),
                edit("declared Shift_JIS", "encoding=\"UTF-8\"", "encoding=\"Shift_JIS\"", malformed, "only UTF-8"),
                edit("declared ISO-8859-1", "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"", malformed, "only UTF-8"),
                // The schema
                edit("CAP 1.0 namespace", "urn:oasis:names:tc:emergency:cap:1.2", "http://www.incident.com/cap/1.0",
                        invalid, "CAP 1.2 is required"),
                edit("CAP 1.1 with an element 1.1 does not have", "emergency:cap:1.2\">",
                        "emergency:cap:1.1\"><colour>red</colour>", invalid, "colour"),
                raw("signed alert in ISO-8859-1", VALID.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                        .replace("</alert>", "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"/></alert>"),
                        invalid, "signed CAP alerts must be UTF-8"),
                raw("valueName as the root", prolog + "<valueName xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">x"
                        + "</valueName>", invalid, "root element must be alert"),
                edit("missing identifier", "<identifier>id-1</identifier>", "", invalid, "sender"),
                edit("elements out of order", "<identifier>id-1</identifier>\n  <sender>bousai@example.jp</sender>",
                        "<sender>bousai@example.jp</sender><identifier>id-1</identifier>", invalid, "line"),
                edit("unknown status", "<status>Actual</status>", "<status>Real</status>", invalid, "Real"),
                edit("unknown msgType", "<msgType>Alert</msgType>", "<msgType>Notify</msgType>", invalid, "Notify"),
                edit("unknown scope", "<scope>Public</scope>", "<scope>Everyone</scope>", invalid, "Everyone"),
                edit("UTC as Z", "2026-09-01T10:00:00+09:00", "2026-09-01T01:00:00Z", invalid, "/alert"),
                edit("time without seconds", "2026-09-01T10:00:00+09:00", "2026-09-01T10:00+09:00", invalid, "sent"),
                edit("time with milliseconds", "2026-09-01T10:00:00+09:00", "2026-09-01T10:00:00.000+09:00", invalid,
                        "pattern"),
                edit("unknown element", "<scope>Public</scope>", "<scope>Public</scope><colour>red</colour>", invalid,
                        "colour"),
                edit("info without event", "<event>避難指示</event>", "", invalid, "/alert/info"),
                edit("unknown info category", "<category>Met</category>", "<category>Weather</category>", invalid,
                        "Weather"),
                edit("unknown urgency", "<urgency>Immediate</urgency>", "<urgency>Now</urgency>", invalid, "Now"),
                edit("text in a decimal", "</area>", "</area><area><areaDesc>x</areaDesc><altitude>high</altitude></area>",
                        invalid, "high"),
                // Rules beyond the schema
                edit("Draft", "<status>Actual</status>", "<status>Draft</status>", invalid, "Draft messages"),
                edit("Ack", "<msgType>Alert</msgType>", "<msgType>Ack</msgType>", invalid, "Ack messages"),
                edit("Error", "<msgType>Alert</msgType>", "<msgType>Error</msgType>", invalid, "Error messages"),
                edit("restriction without Restricted", "<scope>Public</scope>",
                        "<scope>Public</scope><restriction>staff</restriction>", invalid, "only allowed with scope Restricted"),
                edit("Restricted without restriction", "<scope>Public</scope>", "<scope>Restricted</scope>", invalid,
                        "needs a restriction"),
                edit("Private with empty addresses", "<scope>Public</scope>",
                        "<scope>Private</scope><addresses></addresses>", invalid, "needs addresses"),
                edit("Private without addresses", "<scope>Public</scope>", "<scope>Private</scope>", invalid,
                        "needs addresses"),
                edit("identifier with a space", "<identifier>id-1</identifier>", "<identifier>id 1</identifier>",
                        invalid, "without spaces"),
                edit("identifier with a comma", "<identifier>id-1</identifier>", "<identifier>id,1</identifier>",
                        invalid, "commas"),
                edit("sender with an ampersand", "<sender>bousai@example.jp</sender>", "<sender>a&amp;b</sender>",
                        invalid, "/alert/sender"),
                edit("Update without references", "<msgType>Alert</msgType>", "<msgType>Update</msgType>", invalid,
                        "must reference"),
                edit("reference without sent", "<scope>Public</scope>",
                        "<scope>Public</scope><references>bousai@example.jp,id-0</references>", invalid,
                        "sender,identifier,sent"),
                edit("reference with a bad time", "<scope>Public</scope>",
                        "<scope>Public</scope><references>bousai@example.jp,id-0,yesterday</references>", invalid,
                        "sender,identifier,sent"),
                edit("open polygon", "35.69,139.75 35.70,139.75 35.70,139.76 35.69,139.75",
                        "35.69,139.75 35.70,139.75 35.70,139.76 35.68,139.75", invalid, "must close"),
                edit("polygon of three pairs", "35.69,139.75 35.70,139.75 35.70,139.76 35.69,139.75",
                        "35.69,139.75 35.70,139.75 35.69,139.75", invalid, "at least 4"),
                edit("latitude out of range", "35.69,139.75 35.70,139.75 35.70,139.76 35.69,139.75",
                        "95.0,139.75 35.70,139.75 35.70,139.76 95.0,139.75", invalid, "lat,lon"),
                edit("circle without radius", "</polygon>", "</polygon><circle>35.69,139.75</circle>", invalid,
                        "a circle is"),
                edit("circle with negative radius", "</polygon>", "</polygon><circle>35.69,139.75 -1</circle>", invalid,
                        "a circle is"),
                // Mapping and the advisory rules
                edit("wrong JIS check digit", "<value>131016</value>", "<value>131017</value>", invalid, "check digit"),
                edit("JIS code of four digits", "<value>131016</value>", "<value>1310</value>", invalid, "six digits"),
                edit("no JIS geocode", "<geocode><valueName>JISX0402</valueName><value>131016</value></geocode>", "",
                        invalid, "at least one target area"),
                edit("unknown evacuation level", "</headline>", "</headline><parameter><valueName>evacuationLevel"
                        + "</valueName><value>6</value></parameter>", invalid, "must be 3, 4, 5"),
                edit("issueOrLift neither", "</headline>", "</headline><parameter><valueName>issueOrLift</valueName>"
                        + "<value>maybe</value></parameter>", invalid, "issued or lifted"),
                edit("households not a number", "</headline>", "</headline><parameter><valueName>households</valueName>"
                        + "<value>many</value></parameter>", invalid, "whole number"),
                edit("unknown category parameter", "</headline>", "</headline><parameter><valueName>category</valueName>"
                        + "<value>Typhoon</value></parameter>", invalid, "'Typhoon'"),
                edit("category CAP does not carry", "</headline>", "</headline><parameter><valueName>category</valueName>"
                        + "<value>Shelter</value></parameter>", invalid, "as JSON or Commons"),
                edit("documentRevision not a number", "</headline>", "</headline><parameter><valueName>documentRevision"
                        + "</valueName><value>two</value></parameter>", invalid, "documentRevision"),
                edit("expires before sent", "<headline>", "<expires>2026-09-01T09:00:00+09:00</expires><headline>",
                        invalid, "must be after reportTime"),
                edit("area of another municipality", "<value>131016</value>", "<value>271004</value>",
                        ProblemType.FORBIDDEN, "may not issue for 271004"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithAClearReason(String name, byte[] body, ProblemType expected, String phrase) {
        FormatChecks.assertRefused(new CapFormat(), name, body, expected, phrase);
    }

    @Test
    void neverFetchesWhatHostileXmlPointsAt() throws IOException {
        String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        String root = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">";
        FormatChecks.assertNothingFetched(new CapFormat(), url -> Map.of(
                "external DTD", prolog + "<!DOCTYPE alert SYSTEM \"" + url + "\">" + root + "</alert>",
                "external entity", prolog + "<!DOCTYPE alert [<!ENTITY x SYSTEM \"" + url + "\">]>" + root
                        + "&x;</alert>",
                "parameter entity", prolog + "<!DOCTYPE alert [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>" + root
                        + "</alert>",
                "XInclude", VALID.replace("<scope>Public</scope>", "<scope>Public</scope><xi:include "
                        + "xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + url + "\"/>"),
                "schema location", VALID.replace(root, "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
                        + "urn:oasis:names:tc:emergency:cap:1.2 " + url + "\">")));
    }

    @Test
    void theTemplateItselfIsAccepted() {
        assertThat(FormatChecks.problemOf(new CapFormat(), VALID.getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
