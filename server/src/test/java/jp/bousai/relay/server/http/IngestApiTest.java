package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static jp.bousai.relay.server.testing.RelayFixture.TOKYO_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class IngestApiTest extends RelayTest {

    @Test
    void acceptsTheShippedOrderAndItsUpdate(VertxTestContext ctx) {
        relay.post(Examples.json(Examples.ORDER), CHIYODA_KEY)
                .compose(first -> relay.post(Examples.json(Examples.ORDER_UPDATE), CHIYODA_KEY).map(second -> {
                    assertThat(first.statusCode()).isEqualTo(201);
                    assertThat(first.bodyAsJsonObject()).isEqualTo(new JsonObject().put("seq", 1)
                            .put("documentId", "0d6f2c84-3b1e-4f5a-a2c9-7e8d1b4f6a10").put("revision", 1));
                    assertThat(first.getHeader("Location"))
                            .isEqualTo("/api/v1/advisories/0d6f2c84-3b1e-4f5a-a2c9-7e8d1b4f6a10");
                    return second;
                }))
                .onComplete(ctx.succeeding(second -> ctx.verify(() -> {
                    assertThat(second.statusCode()).isEqualTo(201);
                    assertThat(second.bodyAsJsonObject().getInteger("seq")).isEqualTo(2);
                    assertThat(second.bodyAsJsonObject().getInteger("revision")).isEqualTo(2);
                    ctx.completeNow();
                })));
    }

    @Test
    void answersAnExactDuplicateWithTheFirstResult(VertxTestContext ctx) {
        ObjectNode order = Examples.json(Examples.ORDER);
        relay.post(order, CHIYODA_KEY)
                .compose(first -> relay.post(order, CHIYODA_KEY))
                .compose(second -> relay.getJson("/api/v1/advisories").map(list -> {
                    assertThat(second.statusCode()).isEqualTo(200);
                    assertThat(second.bodyAsJsonObject().getBoolean("duplicate")).isTrue();
                    assertThat(second.bodyAsJsonObject().getInteger("seq")).isEqualTo(1);
                    return list;
                }))
                .onComplete(ctx.succeeding(list -> ctx.verify(() -> {
                    assertThat(list.getLong("headSeq")).isEqualTo(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesAStaleRevisionNamingTheStoredOne(VertxTestContext ctx) {
        ObjectNode update = Examples.json(Examples.ORDER_UPDATE);
        ObjectNode stale = Examples.json(Examples.ORDER).put("distributionId", "resent-later");
        relay.issue(update, CHIYODA_KEY)
                .compose(v -> relay.post(stale, CHIYODA_KEY))
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(409);
                    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
                    assertThat(response.bodyAsJsonObject().getString("detail"))
                            .contains("revision 1").contains("revision 2 is stored");
                    ctx.completeNow();
                })));
    }

    @Test
    void aMunicipalityMayNotIssueForAnotherButItsPrefectureMay(VertxTestContext ctx) {
        ObjectNode forOsaka = Examples.fresh(Examples.ORDER);
        forOsaka.remove("sender");
        ((ObjectNode) forOsaka.withArray("areas").get(0)).put("code", "271004").put("name", "大阪市");
        ObjectNode byTokyo = Examples.fresh(Examples.ORDER);
        byTokyo.remove("sender");
        relay.post(forOsaka, CHIYODA_KEY)
                .compose(forbidden -> relay.post(byTokyo, TOKYO_KEY).map(allowed -> {
                    assertThat(forbidden.statusCode()).isEqualTo(403);
                    assertThat(forbidden.bodyAsJsonObject().getString("detail"))
                            .contains("131016 may not issue for 271004");
                    return allowed;
                }))
                .compose(allowed -> relay.getJson(allowed.getHeader("Location")).map(stored -> {
                    assertThat(allowed.statusCode()).isEqualTo(201);
                    return stored;
                }))
                .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
                    assertThat(stored.getLong("seq")).isEqualTo(1);
                    assertThat(stored.getJsonObject("advisory").getJsonObject("sender").getString("code"))
                            .isEqualTo("130001");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesAnAdvisoryNamingAnotherSenderThanTheKey(VertxTestContext ctx) {
        relay.post(Examples.fresh(Examples.ORDER), TOKYO_KEY).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.bodyAsJsonObject().getString("detail")).contains("issues as sender 130001");
            ctx.completeNow();
        })));
    }

    @Test
    void listsEveryFieldErrorWithItsPointer(VertxTestContext ctx) {
        ObjectNode bad = Examples.fresh(Examples.ORDER);
        bad.put("revision", "two").put("category", "Typhoon").put("validUntil", "2026-08-31T00:00:00+09:00");
        ((ObjectNode) bad.withArray("areas").get(0)).put("code", "131017");
        relay.post(bad, CHIYODA_KEY).compose(this::expectNothingStored).onComplete(ctx.succeeding(response ->
                ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(422);
                    JsonObject problem = response.bodyAsJsonObject();
                    assertThat(problem.getString("type")).isEqualTo("urn:bousai-relay:problem:invalid-advisory");
                    JsonArray errors = problem.getJsonArray("errors");
                    assertThat(errors.stream().map(e -> ((JsonObject) e).getString("pointer")))
                            .containsExactlyInAnyOrder("/revision", "/category", "/areas/0/code", "/validUntil");
                    assertThat(errors.encode()).contains("check digit").contains("must be after reportTime");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesMalformedJsonWith400(VertxTestContext ctx) {
        relay.postRaw(Buffer.buffer("{\"distributionId\": \"x\","), "application/json", CHIYODA_KEY)
                .compose(this::expectNothingStored)
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(400);
                    assertThat(response.bodyAsJsonObject().getString("detail")).startsWith("the body is not valid JSON");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesMissingAndUnknownKeysWith401(VertxTestContext ctx) {
        relay.post(Examples.fresh(Examples.ORDER), null)
                .compose(missing -> relay.post(Examples.fresh(Examples.ORDER), "guessed-key").map(unknown -> {
                    assertThat(missing.statusCode()).isEqualTo(401);
                    assertThat(missing.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
                    assertThat(missing.bodyAsJsonObject().getString("detail")).contains("Authorization: Bearer");
                    return unknown;
                }))
                .compose(this::expectNothingStored)
                .onComplete(ctx.succeeding(unknown -> ctx.verify(() -> {
                    assertThat(unknown.statusCode()).isEqualTo(401);
                    assertThat(unknown.bodyAsJsonObject().getString("detail")).contains("not known");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesOtherContentTypesWith415(VertxTestContext ctx) {
        Buffer body = Buffer.buffer(Examples.fresh(Examples.ORDER).toString());
        relay.postRaw(body, "text/plain", CHIYODA_KEY)
                .compose(plain -> relay.postRaw(body, "application/json; charset=iso-8859-1", CHIYODA_KEY).map(latin -> {
                    assertThat(plain.statusCode()).isEqualTo(415);
                    assertThat(plain.bodyAsJsonObject().getString("detail")).contains("application/json");
                    return latin;
                }))
                .compose(this::expectNothingStored)
                .onComplete(ctx.succeeding(latin -> ctx.verify(() -> {
                    assertThat(latin.statusCode()).isEqualTo(415);
                    assertThat(latin.bodyAsJsonObject().getString("detail")).contains("UTF-8");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesAnOversizedBodyWith413(VertxTestContext ctx) {
        Buffer huge = Buffer.buffer("{\"text\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}");
        relay.postRaw(huge, "application/json", CHIYODA_KEY).compose(this::expectNothingStored)
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(413);
                    assertThat(response.bodyAsJsonObject().getString("detail")).contains("2097152 bytes");
                    ctx.completeNow();
                })));
    }

    @Test
    void acceptsALargeOrder(VertxTestContext ctx) {
        ObjectNode big = Examples.fresh(Examples.ORDER);
        var subAreas = ((ObjectNode) big.with("evacuation").withArray("details").get(0)).putArray("subAreas");
        for (int i = 0; i < 2_000; i++) {
            subAreas.addObject().put("name", "神田地区" + i).put("code", String.format("1310100%05d", i));
        }
        assertThat(big.toString().length()).isGreaterThan(64 * 1024);
        relay.issue(big, CHIYODA_KEY).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
            assertThat(reply.getLong("seq")).isEqualTo(1);
            ctx.completeNow();
        })));
    }

    @Test
    void answersUnknownPathsWithProblemJson(VertxTestContext ctx) {
        relay.web().get("/api/v1/nothing").send().onComplete(ctx.succeeding(response -> ctx.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
            ctx.completeNow();
        })));
    }

    /** Passes the response on after checking that the log is still empty. */
    private Future<HttpResponse<Buffer>> expectNothingStored(HttpResponse<Buffer> response) {
        return relay.getJson("/api/v1/advisories").map(list -> {
            assertThat(list.getLong("headSeq")).as("nothing may be stored").isZero();
            return response;
        });
    }
}
