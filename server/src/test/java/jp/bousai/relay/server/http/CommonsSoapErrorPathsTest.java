package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.SoapMessages.PASSWORD;
import static jp.bousai.relay.server.testing.SoapMessages.USER;
import static jp.bousai.relay.server.testing.SoapMessages.distribution;
import static jp.bousai.relay.server.testing.SoapMessages.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/**
 * Through {@code POST /soap/commons}: a message as the L-Alert hub writes it is accepted, and every
 * refusal (the decoder's, the credential check's and the shared rules', alone or mixed) answers
 * code 402 naming L-Alert elements, never the JSON pointers of our own API.
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class CommonsSoapErrorPathsTest extends RelayTest {

    private static final String NOW = "2026-09-01T10:00:00+09:00";
    private static final String BODY = "EDXLDistribution/contentObject/xmlContent/embeddedXMLContent/Report/";
    private static final String AREAS = BODY + "EvacuationOrder/Detail/Areas/";
    /** A JSON pointer as our HTTP API writes them: a slash starting a word. */
    private static final Pattern JSON_POINTER = Pattern.compile("(^|[\\s;,(])/[A-Za-z]");

    private static String hub(String from, String to) {
        String message = distribution("evacuation-order-lalert-hub-v4.xml").replaceFirst("<!--[\\s\\S]*?-->\\s*", "");
        assertThat(message).contains(from);
        return message.replace(from, to);
    }

    private static String result(String answer) {
        int start = answer.indexOf("<result>");
        return start < 0 ? answer : answer.substring(start + 8, answer.indexOf("</result>"));
    }

    private static String code(String answer) {
        int start = answer.indexOf("<code>");
        return start < 0 ? "no code in " + answer : answer.substring(start + 6, answer.indexOf("</code>"));
    }

    private Future<String> post(String distribution) {
        return relay.web().post("/soap/commons").putHeader("Content-Type", "text/xml; charset=utf-8")
                .sendBuffer(Buffer.buffer(publish(distribution, USER, PASSWORD, NOW))).map(r -> r.bodyAsString());
    }

    @Test
    void answersEveryRefusalWithLAlertElementPathsOnly(VertxTestContext ctx) {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put(hub("35.691634,139.756685,0", "35.691634,139.756685,2000"),
                List.of(AREAS + "Area/Location/circle"));
        cases.put(hub("<commons:areaName>外神田一丁目</commons:areaName>", ""),
                List.of(AREAS + "Area[3]/Location/areaName"));
        cases.put(hub("<commons:jisX0402>131016</commons:jisX0402>\n                    <commons:ooAzaTyouTyouMokuCode>"
                + "131010014001", "<commons:jisX0402>131024</commons:jisX0402>\n                    "
                + "<commons:ooAzaTyouTyouMokuCode>131010014001"), List.of(AREAS + "Area/Location/jisX0402"));
        cases.put(hub("<commons:documentID>131016-evacuation-20260901-01</commons:documentID>", "")
                        .replace("<pcx_eo:Sort>避難指示</pcx_eo:Sort>", "<pcx_eo:Sort>警戒区域</pcx_eo:Sort>"),
                List.of("EDXLDistribution/contentObject/documentID", BODY + "EvacuationOrder/Detail/Sort"));
        cases.put(hub("<pcx_ib:Title>千代田区避難指示</pcx_ib:Title>", "").replace("<pcx:Title>避難指示</pcx:Title>", "")
                .replace("<edxlde:dateTimeSent>2026-09-01T14:05:12+09:00", "<edxlde:dateTimeSent>2026-09-01T14:05:12")
                .replace("<pcx_ib:ReportDateTime>2026-09-01T14:05:00+09:00</pcx_ib:ReportDateTime>", ""),
                List.of(BODY + "Head/Title", BODY + "Head/ReportDateTime"));
        cases.put(hub("<pcx_eb:OrganizationCode>131016</pcx_eb:OrganizationCode>\n                <pcx_eb:OfficeName>"
                + "防災危機管理課</pcx_eb:OfficeName>\n                <pcx_eb:ContactInfo>", "<pcx_eb:OrganizationCode>271004"
                + "</pcx_eb:OrganizationCode>\n                <pcx_eb:ContactInfo>"),
                List.of(BODY + "Control/PublishingOffice/OfficeInfo/OrganizationCode"));
        cases.put(hub("<pcx:Status>通常</pcx:Status>", "<pcx:Status>訓練</pcx:Status>"), List.of(BODY + "Control/Status"));
        cases.put(distribution("shelter-report-v3.xml").replace("区立昌平小学校", ""),
                List.of(BODY + "Shelter/Informations/Information/Location/areaName"));
        List<Future<String>> answers = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (String message : cases.keySet()) {
            chain = chain.compose(v -> post(message).map(answer -> {
                answers.add(Future.succeededFuture(answer));
                return null;
            }));
        }
        chain.compose(v -> post(hub("", ""))).onComplete(ctx.succeeding(accepted -> ctx.verify(() -> {
            assertThat(code(accepted)).as(result(accepted)).isEqualTo("0");
            List<List<String>> expected = new ArrayList<>(cases.values());
            for (int i = 0; i < expected.size(); i++) {
                String answer = answers.get(i).result();
                assertThat(code(answer)).as(result(answer)).isEqualTo("402");
                assertThat(result(answer)).as("case " + i).contains(expected.get(i))
                        .doesNotContainPattern(JSON_POINTER);
            }
            ctx.completeNow();
        })));
    }
}
