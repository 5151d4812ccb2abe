package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import jp.bousai.relay.adapters.cap.CapFormat;
import jp.bousai.relay.adapters.commons.CommonsFormat;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.validation.FieldErrors;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/** A document as JSON, CAP or Commons by negotiation, and the CAP and Commons Atom feeds. */
class DocumentFormatsTest extends RelayTest {

    private io.vertx.core.Future<HttpResponse<Buffer>> get(String path, String accept) {
        var request = relay.web().get(path);
        if (accept != null) {
            request.putHeader("Accept", accept);
        }
        return request.send();
    }

    private static Advisory decoded(jp.bousai.relay.adapters.InboundFormat format, HttpResponse<Buffer> response) {
        FieldErrors errors = new FieldErrors();
        Advisory advisory = format.decode(response.body().getBytes(), errors);
        assertThat(errors.list()).as(response.bodyAsString()).isEmpty();
        return advisory;
    }

    @Test
    void aDocumentIsServedAsJsonCapOrCommonsAsAsked(VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        String path = "/api/v1/advisories/" + order.get("documentId").asText();
        relay.issue(order, CHIYODA_KEY)
                .compose(v -> get(path, "application/cap+xml"))
                .compose(cap -> get(path + "?format=commons", null).map(commons -> List.of(cap, commons)))
                .compose(both -> get(path, "text/html;q=0.9, application/xml;q=0.8").map(xml -> List.of(both.get(0),
                        both.get(1), xml)))
                .compose(three -> get(path, "image/png").compose(png -> get(path + "?format=pdf", null)
                        .map(pdf -> List.of(three.get(0), three.get(1), three.get(2), png, pdf))))
                .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
                    assertThat(responses.get(0).getHeader("Content-Type")).startsWith("application/cap+xml");
                    assertThat(responses.get(0).getHeader("Vary")).isEqualTo("Accept");
                    assertThat(decoded(new CapFormat(), responses.get(0)).documentId())
                            .isEqualTo(order.get("documentId").asText());
                    assertThat(responses.get(1).getHeader("Content-Type")).startsWith("application/xml");
                    assertThat(decoded(new CommonsFormat(), responses.get(1)).distributionId())
                            .isEqualTo(order.get("distributionId").asText());
                    assertThat(responses.get(2).bodyAsString()).contains("EDXLDistribution");
                    assertThat(responses.get(3).statusCode()).isEqualTo(406);
                    assertThat(responses.get(3).bodyAsJsonObject().getString("detail")).contains("application/cap+xml");
                    assertThat(responses.get(4).statusCode()).isEqualTo(400);
                    assertThat(responses.get(4).bodyAsJsonObject().getString("detail")).contains("'format'");
                    ctx.completeNow();
                })));
    }

    @Test
    void theCapAndCommonsFeedsLinkToTheirDocumentsNameTheHubAndDropExpiredEntries(VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        order.put("reportTime", OffsetDateTime.ofInstant(relay.clock().instant(), ZoneOffset.ofHours(9)).toString());
        order.put("validUntil", OffsetDateTime.ofInstant(relay.clock().instant().plus(Duration.ofHours(1)),
                ZoneOffset.ofHours(9)).toString());
        String documentId = order.get("documentId").asText();
        relay.issue(order, CHIYODA_KEY)
                .compose(v -> get("/feeds/cap.atom?area=13", null))
                .compose(cap -> get("/feeds/commons.atom?area=131016", null).map(commons -> List.of(cap, commons)))
                .compose(feeds -> relay.web().get("/feeds/cap.atom?area=13")
                        .putHeader("If-None-Match", feeds.get(0).getHeader("ETag")).send()
                        .map(conditional -> List.of(feeds.get(0), feeds.get(1), conditional)))
                .compose(three -> {
                    relay.clock().advance(Duration.ofMinutes(61));
                    return get("/feeds/commons.atom?area=131016", null).map(later -> List.of(three.get(0),
                            three.get(1), three.get(2), later));
                })
                .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
                    String cap = responses.get(0).bodyAsString();
                    assertThat(cap).contains("type=\"application/cap+xml\"")
                            .contains("/api/v1/advisories/" + documentId + "?format=cap")
                            .contains("rel=\"hub\"").contains("/websub");
                    assertThat(responses.get(1).bodyAsString()).contains("type=\"application/xml\"")
                            .contains("?format=commons");
                    assertThat(responses.get(2).statusCode()).isEqualTo(304);
                    assertThat(responses.get(3).bodyAsString()).doesNotContain(documentId);
                    ctx.completeNow();
                })));
    }
}
