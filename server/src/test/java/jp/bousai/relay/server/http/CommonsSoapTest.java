package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.SoapMessages.PASSWORD;
import static jp.bousai.relay.server.testing.SoapMessages.USER;
import static jp.bousai.relay.server.testing.SoapMessages.distribution;
import static jp.bousai.relay.server.testing.SoapMessages.publish;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.SseEvent;
import org.junit.jupiter.api.Test;

@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class CommonsSoapTest extends RelayTest {

    /** The fixture clock's time, as a sender would write it. */
    private static final String NOW = "2026-09-01T10:00:00+09:00";

    private Future<HttpResponse<Buffer>> post(String soap) {
        return relay.web().post("/soap/commons").putHeader("Content-Type", "text/xml; charset=utf-8")
                .putHeader("SOAPAction", "\"\"").sendBuffer(Buffer.buffer(soap));
    }

    private static String code(HttpResponse<Buffer> response) {
        String body = response.bodyAsString();
        int start = body.indexOf("<code>");
        return start < 0 ? "no code in " + body : body.substring(start + 6, body.indexOf("</code>"));
    }

    @Test
    void aCommonsSenderPublishesAndTheOrderAndItsUpdateReachTheStream(VertxTestContext ctx) {
        relay.stream("/api/v1/stream?area=13")
                .compose(stream -> post(publish(distribution("evacuation-report-v3-legacy.xml"), USER, PASSWORD, NOW))
                        .compose(first -> post(publish(distribution("evacuation-update-v4-generated-prefixes.xml"), USER,
                                PASSWORD, NOW)).map(second -> List.of(first, second)))
                        .compose(replies -> stream.advisories(2).map(events -> {
                            assertThat(replies).allSatisfy(reply -> {
                                assertThat(reply.statusCode()).isEqualTo(200);
                                assertThat(reply.getHeader("Content-Type")).startsWith("text/xml");
                                assertThat(code(reply)).isEqualTo("0");
                            });
                            assertThat(replies.get(0).bodyAsString()).contains("publishResponse")
                                    .contains("processResponse").contains("accepted as seq 1, document doc-evac-v3");
                            return events;
                        })))
                .onComplete(ctx.succeeding(events -> ctx.verify(() -> {
                    assertThat(events).extracting(SseEvent::id).containsExactly("1", "2");
                    assertThat(events.get(1).json().getJsonObject("advisory").getInteger("revision")).isEqualTo(2);
                    assertThat(events.get(0).json().getJsonObject("advisory").getJsonObject("evacuation")
                            .getJsonArray("details").getJsonObject(0).getString("sourceLabel")).isEqualTo("避難勧告");
                    ctx.completeNow();
                })));
    }

    @Test
    void aResentDistributionIsAcknowledgedOnceStored(VertxTestContext ctx) {
        String message = distribution("shelter-report-v3.xml");
        post(publish(message, USER, PASSWORD, NOW))
                .compose(first -> post(publish(message, USER, PASSWORD, NOW)).map(second -> List.of(first, second)))
                .compose(replies -> relay.getJson("/api/v1/advisories").map(list -> {
                    assertThat(list.getLong("headSeq")).isEqualTo(1);
                    return replies;
                }))
                .onComplete(ctx.succeeding(replies -> ctx.verify(() -> {
                    assertThat(code(replies.get(1))).isEqualTo("0");
                    assertThat(replies.get(1).bodyAsString()).contains("already accepted as seq 1");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesBadCredentialsStaleAndReplayedMessagesWithFaults(VertxTestContext ctx) {
        String message = distribution("notice-report-v4.xml");
        String once = publish(message, USER, PASSWORD, NOW, "nonce-for-replay");
        post(publish(message, USER, "wrong-password", NOW))
                .compose(wrong -> post(publish(message, "mallory", PASSWORD, NOW)).map(unknown -> List.of(wrong, unknown)))
                .compose(two -> post(publish(message, USER, PASSWORD, "2026-09-01T09:50:00+09:00"))
                        .map(stale -> List.of(two.get(0), two.get(1), stale)))
                .compose(three -> post(once).compose(first -> post(once))
                        .map(replayed -> List.of(three.get(0), three.get(1), three.get(2), replayed)))
                .onComplete(ctx.succeeding(replies -> ctx.verify(() -> {
                    assertThat(replies).allSatisfy(reply -> {
                        assertThat(reply.statusCode()).isEqualTo(400);
                        assertThat(reply.bodyAsString()).contains("Fault");
                    });
                    assertThat(replies.get(0).bodyAsString()).contains("wsse:FailedAuthentication");
                    assertThat(replies.get(1).bodyAsString()).contains("wsse:FailedAuthentication");
                    assertThat(replies.get(2).bodyAsString()).contains("wsse:MessageExpired");
                    assertThat(replies.get(3).bodyAsString()).contains("already used");
                    ctx.completeNow();
                })));
    }

    @Test
    void aBrokenEnvelopeGetsAFault(VertxTestContext ctx) {
        post("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                .compose(dtd -> post("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<soap:Body><other/></soap:Body></soap:Envelope>").map(other -> List.of(dtd, other)))
                .compose(two -> relay.web().post("/soap/commons").putHeader("Content-Type", "application/json")
                        .sendBuffer(Buffer.buffer("{}")).map(json -> List.of(two.get(0), two.get(1), json)))
                .onComplete(ctx.succeeding(replies -> ctx.verify(() -> {
                    assertThat(replies.get(0).statusCode()).isEqualTo(400);
                    assertThat(replies.get(0).bodyAsString()).contains("soap:Client").contains("DOCTYPE");
                    assertThat(replies.get(1).statusCode()).isEqualTo(400);
                    assertThat(replies.get(1).bodyAsString()).contains("exactly one publish element");
                    assertThat(replies.get(2).statusCode()).isEqualTo(415);
                    assertThat(replies.get(2).bodyAsString()).contains("text/xml");
                    ctx.completeNow();
                })));
    }

    @Test
    void answersInvalidStaleAndForbiddenMessagesWithLAlertCodes(VertxTestContext ctx) {
        String invalid = distribution("evacuation-report-v3-legacy.xml").replace("<pcx_eo:Sort>避難勧告<",
                "<pcx_eo:Sort>警戒区域<");
        String forbidden = distribution("notice-report-v4.xml").replace("<commons:jisX0402>131016<",
                "<commons:jisX0402>271004<");
        String update = distribution("evacuation-update-v4-generated-prefixes.xml");
        String older = distribution("evacuation-report-v3-legacy.xml").replace("dist-v3-001", "dist-v3-late");
        post(publish(invalid, USER, PASSWORD, NOW))
                .compose(a -> post(publish(forbidden, USER, PASSWORD, NOW)).map(b -> List.of(a, b)))
                .compose(two -> post(publish(update, USER, PASSWORD, NOW))
                        .compose(v -> post(publish(older, USER, PASSWORD, NOW)))
                        .map(stale -> List.of(two.get(0), two.get(1), stale)))
                .onComplete(ctx.succeeding(replies -> ctx.verify(() -> {
                    assertThat(replies).allSatisfy(reply -> assertThat(reply.statusCode()).isEqualTo(200));
                    assertThat(code(replies.get(0))).isEqualTo("402");
                    assertThat(replies.get(0).bodyAsString()).contains("警戒区域");
                    assertThat(code(replies.get(1))).isEqualTo("901");
                    assertThat(replies.get(1).bodyAsString()).contains("may not issue for 271004");
                    assertThat(code(replies.get(2))).isEqualTo("402");
                    assertThat(replies.get(2).bodyAsString()).contains("is stale");
                    ctx.completeNow();
                })));
    }
}
