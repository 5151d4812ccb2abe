package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static jp.bousai.relay.server.testing.SoapMessages.PASSWORD;
import static jp.bousai.relay.server.testing.SoapMessages.USER;
import static jp.bousai.relay.server.testing.SoapMessages.distribution;
import static jp.bousai.relay.server.testing.SoapMessages.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/**
 * An advisory that has already ended, or whose times cannot be meant, is refused naming the
 * field, in each format's own error form. The fixture clock reads 2026-09-01T10:00+09:00.
 */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ImplausibleTimesTest extends RelayTest {

    @Test
    void refusesAnAdvisoryWhoseValidUntilIsAlreadyPast(VertxTestContext ctx) {
        var ended = Examples.fresh(Examples.ORDER).put("reportTime", "2026-09-01T08:00:00+09:00")
                .put("validUntil", "2026-09-01T09:00:00+09:00");
        relay.post(ended, CHIYODA_KEY).onComplete(ctx.succeeding(refused -> ctx.verify(() -> {
                    assertThat(refused.statusCode()).isEqualTo(422);
                    JsonArray errors = refused.bodyAsJsonObject().getJsonArray("errors");
                    assertThat(errors).hasSize(1);
                    assertThat(errors.getJsonObject(0).getString("pointer")).isEqualTo("/validUntil");
                    assertThat(errors.getJsonObject(0).getString("detail")).contains("already past");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesReportTimesBefore2000OrMoreThanADayAhead(VertxTestContext ctx) {
        var ancient = Examples.fresh(Examples.ORDER).put("reportTime", "1926-09-01T10:00:00+09:00");
        var ahead = Examples.fresh(Examples.ORDER).put("reportTime", "2026-09-03T10:00:00+09:00");
        var tomorrow = Examples.fresh(Examples.ORDER).put("reportTime", "2026-09-01T20:00:00+09:00");
        relay.post(ancient, CHIYODA_KEY).compose(first -> relay.post(ahead, CHIYODA_KEY)
                        .compose(second -> relay.post(tomorrow, CHIYODA_KEY)
                                .map(third -> java.util.List.of(first, second, third))))
                .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
                    assertThat(answers.get(0).statusCode()).isEqualTo(422);
                    assertThat(answers.get(0).bodyAsString()).contains("/reportTime").contains("before 2000");
                    assertThat(answers.get(1).statusCode()).isEqualTo(422);
                    assertThat(answers.get(1).bodyAsString()).contains("/reportTime").contains("a day ahead");
                    assertThat(answers.get(2).statusCode()).as("clock skew within a day is allowed").isEqualTo(201);
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesACapAlertSentYearsAheadWithACapError(VertxTestContext ctx) throws IOException {
        String alert = Files.readString(Path.of("..", "adapters", "src", "test", "resources", "cap",
                "evacuation-alert.xml")).replace("<sent>2026-09-01T10:00:00+09:00</sent>",
                "<sent>2062-09-01T10:00:00+09:00</sent>");
        relay.web().post("/api/v1/cap").putHeader("Authorization", "Bearer " + CHIYODA_KEY)
                .putHeader("Content-Type", "application/cap+xml").putHeader("Accept", "application/cap+xml")
                .sendBuffer(Buffer.buffer(alert))
                .onComplete(ctx.succeeding(refused -> ctx.verify(() -> {
                    assertThat(refused.statusCode()).isEqualTo(422);
                    assertThat(refused.bodyAsString()).contains("<msgType>Error</msgType>")
                            .contains("/reportTime: must not be more than a day ahead");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesACommonsReportFromBefore2000WithAnLAlertCode(VertxTestContext ctx) {
        String old = distribution("notice-report-v4.xml").replace("2026-09-01T", "1996-09-01T");
        relay.web().post("/soap/commons").putHeader("Content-Type", "text/xml; charset=utf-8")
                .putHeader("SOAPAction", "\"\"")
                .sendBuffer(Buffer.buffer(publish(old, USER, PASSWORD, "2026-09-01T10:00:00+09:00")))
                .onComplete(ctx.succeeding(refused -> ctx.verify(() -> {
                    String body = refused.bodyAsString();
                    assertThat(body.substring(body.indexOf("<code>") + 6, body.indexOf("</code>"))).isEqualTo("402");
                    // an L-Alert sender is told of its own element, once, never of a JSON pointer
                    assertThat(body).contains("1 field is invalid; EDXLDistribution/contentObject/xmlContent/"
                            + "embeddedXMLContent/Report/Head/ReportDateTime: must not be before 2000")
                            .doesNotContain("/reportTime");
                    ctx.completeNow();
                })));
    }
}
