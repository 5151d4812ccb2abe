package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class FeedsTest extends RelayTest {

    private ObjectNode validForAnHour() {
        OffsetDateTime now = relay.clock().instant().atOffset(ZoneOffset.ofHours(9));
        return Examples.fresh(Examples.ORDER).put("reportTime", now.toString())
                .put("validUntil", now.plusHours(1).toString());
    }

    @Test
    void answersConditionalRequestsWith304UntilSomethingChanges(VertxTestContext ctx) {
        relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY)
                .compose(v -> relay.web().get("/feeds/atom?area=13").send())
                .compose(first -> relay.web().get("/feeds/atom?area=13").putHeader("If-None-Match", first.getHeader("ETag"))
                        .send().map(second -> List.of(first, second)))
                .compose(two -> relay.web().get("/feeds/atom?area=13")
                        .putHeader("If-Modified-Since", two.get(0).getHeader("Last-Modified")).send()
                        .map(third -> List.of(two.get(0), two.get(1), third)))
                .compose(three -> relay.issue(Examples.fresh(Examples.SHELTERS), CHIYODA_KEY)
                        .compose(v -> relay.web().get("/feeds/atom?area=13")
                                .putHeader("If-None-Match", three.get(0).getHeader("ETag")).send())
                        .map(fourth -> List.of(three.get(0), three.get(1), three.get(2), fourth)))
                .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
                    assertThat(responses.get(0).statusCode()).isEqualTo(200);
                    assertThat(responses.get(0).getHeader("Content-Type")).startsWith("application/atom+xml");
                    assertThat(responses.get(0).getHeader("ETag")).isNotBlank();
                    assertThat(responses.get(1).statusCode()).isEqualTo(304);
                    assertThat(responses.get(2).statusCode()).isEqualTo(304);
                    assertThat(responses.get(3).statusCode()).isEqualTo(200);
                    assertThat(responses.get(3).getHeader("ETag")).isNotEqualTo(responses.get(0).getHeader("ETag"));
                    ctx.completeNow();
                })));
    }

    @Test
    void atomFeedIsWellFormedAndFilteredLikeTheStream(VertxTestContext ctx) {
        relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY)
                .compose(v -> relay.issue(Examples.fresh(Examples.ORDER).put("mode", "Exercise"), CHIYODA_KEY))
                .compose(v -> relay.web().get("/feeds/atom?area=131016").send())
                .compose(tokyo -> relay.web().get("/feeds/atom?area=27").send().map(osaka -> List.of(tokyo, osaka)))
                .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
                    Document tokyo = parse(responses.get(0).bodyAsString());
                    assertThat(tokyo.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
                    assertThat(tokyo.getElementsByTagNameNS("*", "entry").getLength())
                            .as("one entry: the drill stays out of the default feed").isEqualTo(1);
                    assertThat(responses.get(0).bodyAsString()).contains("term=\"EvacuationOrder\"")
                            .contains("term=\"Actual\"").contains("/api/v1/advisories/");
                    assertThat(parse(responses.get(1).bodyAsString()).getElementsByTagNameNS("*", "entry").getLength())
                            .isZero();
                    ctx.completeNow();
                })));
    }

    @Test
    void anAdvisoryLeavesTheFeedsWhenItsValidityEnds(VertxTestContext ctx) {
        relay.issue(validForAnHour(), CHIYODA_KEY)
                .compose(reply -> relay.getJson("/api/v1/advisories?area=13").map(before -> {
                    assertThat(before.getJsonArray("advisories")).hasSize(1);
                    assertThat(before.getJsonArray("advisories").getJsonObject(0).getString("state")).isEqualTo("active");
                    relay.clock().advance(Duration.ofMinutes(61));
                    return reply;
                }))
                .compose(reply -> relay.getJson("/api/v1/advisories?area=13")
                        .compose(after -> relay.getJson("/api/v1/advisories/" + reply.getString("documentId"))
                                .map(document -> List.of(after, document))))
                .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
                    assertThat(both.get(0).getJsonArray("advisories")).isEmpty();
                    assertThat(both.get(1).getString("state")).isEqualTo("expired");
                    ctx.completeNow();
                })));
    }

    @Test
    void liftedOrdersStayPublishedAsLiftedAndCancelledOnesLeave(VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        ObjectNode lifted = order.deepCopy().put("distributionId", "lift").put("revision", 2).put("type", "Update");
        ((ObjectNode) lifted.with("evacuation").withArray("details").get(0)).put("status", "lifted");
        ObjectNode cancel = order.deepCopy().put("distributionId", "cancel").put("revision", 3).put("type", "Cancel");
        cancel.remove("evacuation");
        relay.issue(order, CHIYODA_KEY)
                .compose(v -> relay.issue(lifted, CHIYODA_KEY))
                .compose(v -> relay.getJson("/api/v1/advisories"))
                .compose(afterLift -> relay.issue(cancel, CHIYODA_KEY)
                        .compose(v -> relay.getJson("/api/v1/advisories"))
                        .map(afterCancel -> List.of(afterLift, afterCancel)))
                .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
                    JsonObject afterLift = both.get(0).getJsonArray("advisories").getJsonObject(0);
                    assertThat(afterLift.getString("state")).isEqualTo("lifted");
                    assertThat(afterLift.getJsonObject("advisory").getInteger("revision")).isEqualTo(2);
                    assertThat(both.get(1).getJsonArray("advisories")).isEmpty();
                    ctx.completeNow();
                })));
    }

    @Test
    void pagesTheJsonListOldestFirstAndAtomNewestFirst(VertxTestContext ctx) {
        Future<Void> posted = Future.succeededFuture();
        for (int i = 0; i < 5; i++) {
            posted = posted.compose(v -> relay.issue(Examples.fresh(Examples.ORDER), CHIYODA_KEY).mapEmpty());
        }
        posted.compose(v -> relay.getJson("/api/v1/advisories?area=13&limit=2"))
                .compose(first -> relay.getJson(first.getString("next"))
                        .compose(second -> relay.getJson(second.getString("next"))
                                .map(third -> List.of(first, second, third))))
                .compose(pages -> relay.web().get("/feeds/atom?limit=2").send().map(atom -> {
                    String xml = atom.bodyAsString();
                    assertThat(xml).contains("rel=\"next\"").contains("before=4");
                    assertThat(xml.indexOf("document:")).isLessThan(xml.lastIndexOf("document:"));
                    return pages;
                }))
                .onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
                    assertThat(pages.get(0).getString("next")).isEqualTo("/api/v1/advisories?area=13&limit=2&after=2");
                    List<Long> seqs = pages.stream().flatMap(page -> page.getJsonArray("advisories").stream())
                            .map(item -> ((JsonObject) item).getLong("seq")).toList();
                    assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L);
                    assertThat(pages.get(2).containsKey("next")).isFalse();
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesABadLimit(VertxTestContext ctx) {
        relay.web().get("/api/v1/advisories?limit=0").send().onComplete(ctx.succeeding(response -> ctx.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.bodyAsJsonObject().getString("detail")).contains("'limit'").contains("1 to 2000");
            ctx.completeNow();
        })));
    }

    @Test
    void servesOneDocumentByIdOr404(VertxTestContext ctx) {
        relay.issue(Examples.json(Examples.SHELTERS), CHIYODA_KEY)
                .compose(v -> relay.getJson("/api/v1/advisories/7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c20"))
                .compose(found -> relay.web().get("/api/v1/advisories/unknown").send().map(missing -> {
                    assertThat(missing.statusCode()).isEqualTo(404);
                    assertThat(missing.bodyAsJsonObject().getString("detail")).contains("unknown");
                    return found;
                }))
                .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
                    assertThat(found.getLong("seq")).isEqualTo(1);
                    assertThat(found.getJsonObject("advisory").getJsonArray("shelters")).hasSize(3);
                    assertThat(found.getJsonObject("advisory").getString("reportTime"))
                            .isEqualTo("2026-09-01T10:05:00+09:00");
                    ctx.completeNow();
                })));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
