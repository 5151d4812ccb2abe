package jp.bousai.relay.adapters.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.bousai.relay.adapters.FormatChecks;
import jp.bousai.relay.core.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, hostile and invalid L-Alert messages, each with the problem it must produce. Runs the
 * server's pipeline on a bare EDXLDistribution: decode, authorise, rules.
 */
class CommonsHostileInputTest {

    static final String VALID = read("evacuation-report-v3-legacy.xml");
    static final String SHELTER = read("shelter-report-v3.xml");
    static final String HQ = read("headquarters-report-v4.xml");
    static final String DAMAGE = read("damage-report-v4.xml");

    private static String read(String name) {
        try {
            return Files.readString(Path.of("src", "test", "resources", "commons", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments edit(String name, String template, String from, String to, ProblemType type, String phrase) {
        if (!template.contains(from)) {
            throw new IllegalArgumentException("case " + name + ": the template has no '" + from + "'");
        }
        return Arguments.of(name, template.replace(from, to).getBytes(StandardCharsets.UTF_8), type, phrase);
    }

    private static Arguments edit(String name, String from, String to, ProblemType type, String phrase) {
        return edit(name, VALID, from, to, type, phrase);
    }

    private static Arguments raw(String name, String body, ProblemType type, String phrase) {
        return Arguments.of(name, body.getBytes(StandardCharsets.UTF_8), type, phrase);
    }

    static Stream<Arguments> cases() {
        ProblemType malformed = ProblemType.MALFORMED;
        ProblemType invalid = ProblemType.INVALID;
        String edxl = "<edxlde:EDXLDistribution xmlns:edxlde=\"urn:oasis:names:tc:emergency:EDXL:DE:1.0\">";
        return Stream.of(
                // Not XML, hostile XML
                raw("empty body", "", malformed, "acceptable XML"),
                raw("text", "hello", malformed, "acceptable XML"),
                raw("truncated", VALID.substring(0, VALID.length() / 3), malformed, "acceptable XML"),
                edit("mismatched end tag", "</edxlde:distributionID>", "</edxlde:distributionId>", malformed,
                        "matching end-tag"),
                edit("undeclared prefix", "<edxlde:senderID>", "<nowhere:senderID>", malformed, "nowhere"),
                edit("unescaped ampersand", "神田川沿いに", "神田川 & ", malformed, "acceptable XML"),
                raw("internal entity", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"v\">]>" + edxl + "&e;"
                        + "</edxlde:EDXLDistribution>", malformed, "DOCTYPE"),
                raw("billion laughs", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
                        + "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + edxl
                        + "&c;</edxlde:EDXLDistribution>", malformed, "DOCTYPE"),
                raw("external entity", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + edxl + "&e;</edxlde:EDXLDistribution>", malformed, "DOCTYPE"),
                raw("external DTD", "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://127.0.0.1:1/x.dtd\">" + edxl
                        + "</edxlde:EDXLDistribution>", malformed, "DOCTYPE"),
                raw("deep nesting", edxl + "<a>".repeat(100) + "</a>".repeat(100) + "</edxlde:EDXLDistribution>",
                        malformed, "deeper than 64"),
                edit("declared Shift_JIS", "encoding=\"UTF-8\"", "encoding=\"Shift_JIS\"", malformed, "only UTF-8"),
                Arguments.of("invalid UTF-8", withBytes(VALID, "神田川沿いに", new byte[] {(byte) 0xC3, (byte) 0x28}),
                        malformed, "UTF-8"),
                Arguments.of("lone continuation byte", withBytes(VALID, "神田川沿いに", new byte[] {(byte) 0x80}),
                        malformed, "UTF-8"),
                // Structure
                raw("another root element", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", invalid,
                        "root element must be EDXLDistribution"),
                edit("EDXL namespace of another version", "urn:oasis:names:tc:emergency:EDXL:DE:1.0\" xmlns:commons",
                        "urn:oasis:names:tc:emergency:EDXL:DE:2.0\" xmlns:commons", invalid, "EDXLDistribution"),
                edit("Commons prefix on a foreign namespace", "xmlns:commons=\"http://xml.publiccommons.ne.jp/xml/edxl/\"",
                        "xmlns:commons=\"http://example.com/not-commons\"", invalid, "contentObject"),
                edit("Report of an unknown generation", "http://xml.publiccommons.ne.jp/pcxml1/3\"",
                        "http://xml.publiccommons.ne.jp/pcxml1/5\"", invalid, "Report"),
                edit("no Report", "<pcx:Report", "<pcx:Rapport", malformed, "acceptable XML"),
                // Envelope fields
                edit("no distributionID", "<edxlde:distributionID>dist-v3-001</edxlde:distributionID>", "", invalid,
                        "/distributionId"),
                edit("distributionID with a space", "dist-v3-001", "dist v3", invalid, "/distributionId"),
                edit("unknown distributionStatus", "<edxlde:distributionStatus>Actual", "<edxlde:distributionStatus>Real",
                        invalid, "distributionStatus"),
                edit("Report status contradicts the envelope", "<pcx:distributionStatus>Actual</pcx:distributionStatus>",
                        "<pcx:distributionStatus>Exercise</pcx:distributionStatus>", invalid, "they must agree"),
                edit("unknown distributionType", "<edxlde:distributionType>Report", "<edxlde:distributionType>Ack", invalid,
                        "distributionType"),
                edit("no documentID", "<commons:documentID>doc-evac-v3</commons:documentID>", "", invalid, "/documentId"),
                edit("documentRevision not a number", "<commons:documentRevision>1<", "<commons:documentRevision>one<",
                        invalid, "documentRevision"),
                edit("documentRevision zero", "<commons:documentRevision>1<", "<commons:documentRevision>0<", invalid,
                        "/revision"),
                edit("no documentRevision", "<commons:documentRevision>1</commons:documentRevision>", "", invalid,
                        "documentRevision"),
                edit("unknown category", "<commons:category>EvacuationOrder<", "<commons:category>Typhoon<", invalid,
                        "Typhoon"),
                edit("category does not match the body", "<commons:category>EvacuationOrder<",
                        "<commons:category>Shelter<", invalid, "body is EvacuationOrder"),
                edit("no target area", "<commons:jisX0402>131016</commons:jisX0402>", "", invalid,
                        "at least one target area"),
                edit("wrong JIS check digit", "<commons:jisX0402>131016<", "<commons:jisX0402>131017<", invalid,
                        "check digit"),
                edit("JIS code of letters", "<commons:jisX0402>131016<", "<commons:jisX0402>chiyoda<", invalid,
                        "six digits"),
                edit("area of another municipality", "<commons:jisX0402>131016<", "<commons:jisX0402>271004<",
                        ProblemType.FORBIDDEN, "may not issue for 271004"),
                edit("report time without offset", "<pcx_ib:ReportDateTime>2026-09-01T10:00:00+09:00",
                        "<pcx_ib:ReportDateTime>2026-09-01T10:00:00", invalid, "with an offset"),
                edit("report time not a time", "<pcx_ib:ReportDateTime>2026-09-01T10:00:00+09:00",
                        "<pcx_ib:ReportDateTime>noon", invalid, "ReportDateTime"),
                edit("valid before report", "<pcx_ib:ReportDateTime>2026-09-01T10:00:00+09:00</pcx_ib:ReportDateTime>",
                        "<pcx_ib:ReportDateTime>2026-09-01T10:00:00+09:00</pcx_ib:ReportDateTime><pcx_ib:ValidDateTime>"
                                + "2026-09-01T09:00:00+09:00</pcx_ib:ValidDateTime>", invalid, "must be after reportTime"),
                edit("no title anywhere", "千代田区: 避難勧告・指示情報　発令", "", invalid, "/headline/ja"),
                // Evacuation body
                edit("unknown level label", "<pcx_eo:Sort>避難勧告<", "<pcx_eo:Sort>警戒区域<", invalid,
                        "not an evacuation level"),
                edit("no level at all", "<pcx_eo:Sort>避難勧告</pcx_eo:Sort>", "", invalid, "Sort"),
                edit("Level out of range", "<pcx_eo:Sort>避難勧告</pcx_eo:Sort>",
                        "<pcx_eo:Sort>避難勧告</pcx_eo:Sort><pcx_eo:Level>6</pcx_eo:Level>", invalid, "must be 3, 4 or 5"),
                edit("Level contradicts Sort", "<pcx_eo:Sort>避難勧告</pcx_eo:Sort>",
                        "<pcx_eo:Sort>避難勧告</pcx_eo:Sort><pcx_eo:Level>5</pcx_eo:Level>", invalid, "but Level says 5"),
                edit("IssueOrLift neither", "<pcx_eo:IssueOrLift>発令<", "<pcx_eo:IssueOrLift>継続<", invalid,
                        "発令 or 解除"),
                edit("households not a number", ">820<", ">多数<", invalid, "whole number"),
                edit("area time without offset", "<pcx_eo:DateTime>2026-09-01T10:00:00+09:00",
                        "<pcx_eo:DateTime>2026-09-01 10:00", invalid, "with an offset"),
                edit("open polygon", "35.6951,139.7696 0.2</edxlde:circle>", "35.6951,139.7696 -1</edxlde:circle>",
                        invalid, "a circle is"),
                edit("sub-area code of eleven digits", ">131010001001<", ">13101000100<", invalid, "12 digits"),
                edit("no details", "pcx_eo:Detail>", "pcx_eo:Detalle>", invalid, "at least one detail"),
                // Other bodies
                edit("unknown shelter Sort", SHELTER, "<pcx_eo:Sort>開設<", "<pcx_eo:Sort>営業中<", invalid, "営業中"),
                edit("unknown shelter Status", SHELTER, "<pcx_eo:Status>空き<", "<pcx_eo:Status>がらがら<", invalid,
                        "がらがら"),
                edit("capacity not a number", SHELTER, "<pcx_eo:Capacity>600<", "<pcx_eo:Capacity>六百<", invalid,
                        "whole number"),
                edit("shelter without a name", SHELTER,
                        "<commons:areaName xmlns:commons=\"http://xml.publiccommons.ne.jp/xml/edxl/\">区立昌平小学校</commons:areaName>",
                        "", invalid, "/shelters/0/name"),
                edit("HQ of an unknown type", HQ, "<pcx_eo:Type>千代田区災害対策本部<", "<pcx_eo:Type>会議<", invalid,
                        "災害対策本部"),
                edit("HQ status neither", HQ, "<pcx_eo:Status>設置<", "<pcx_eo:Status>検討中<", invalid, "設置 or 解散"),
                edit("damage of an unknown kind", DAMAGE, "<pcx_eo:Kind>人的被害<", "<pcx_eo:Kind>心的被害<", invalid,
                        "心的被害"),
                edit("damage count negative", DAMAGE, ">2</pcx_eo:Count>", ">-2</pcx_eo:Count>", invalid, "whole number"));
    }

    private static byte[] withBytes(String template, String marker, byte[] bad) {
        String[] parts = template.split(marker, 2);
        byte[] head = parts[0].getBytes(StandardCharsets.UTF_8);
        byte[] tail = parts[1].getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithAClearReason(String name, byte[] body, ProblemType expected, String phrase) {
        FormatChecks.assertRefused(new CommonsFormat(), name, body, expected, phrase);
    }

    @Test
    void neverFetchesWhatHostileXmlPointsAt() throws IOException {
        String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        String root = "<edxlde:EDXLDistribution xmlns:edxlde=\"urn:oasis:names:tc:emergency:EDXL:DE:1.0\">";
        String end = "</edxlde:EDXLDistribution>";
        FormatChecks.assertNothingFetched(new CommonsFormat(), url -> Map.of(
                "external DTD", prolog + "<!DOCTYPE x SYSTEM \"" + url + "\">" + root + end,
                "external entity", prolog + "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + url + "\">]>" + root + "&e;" + end,
                "parameter entity", prolog + "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>" + root + end,
                "XInclude", VALID.replace("<edxlde:senderID>", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                        + " href=\"" + url + "\"/><edxlde:senderID>")));
    }

    @Test
    void theTemplatesThemselvesAreAccepted() {
        for (String template : List.of(VALID, SHELTER, HQ, DAMAGE)) {
            assertThat(FormatChecks.problemOf(new CommonsFormat(), template.getBytes(StandardCharsets.UTF_8))).isNull();
        }
    }
}
