package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.SseEvent;
import org.junit.jupiter.api.Test;

@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class CapApiTest extends RelayTest {

    private static final Path FIXTURES = Path.of("..", "adapters", "src", "test", "resources", "cap");

    private static Buffer fixture(String name) {
        try {
            return Buffer.buffer(Files.readAllBytes(FIXTURES.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Future<io.vertx.ext.web.client.HttpResponse<Buffer>> postCap(Buffer body) {
        return relay.web().post("/api/v1/cap").putHeader("Authorization", "Bearer " + CHIYODA_KEY)
                .putHeader("Content-Type", "application/cap+xml").sendBuffer(body);
    }

    @Test
    void aCapUpdateReachesTheStreamAsRevisionTwoOfTheSameDocument(VertxTestContext ctx) {
        relay.stream("/api/v1/stream?area=13")
                .compose(stream -> postCap(fixture("evacuation-alert.xml"))
                        .compose(alert -> postCap(fixture("evacuation-update.xml")).map(update -> {
                            assertThat(alert.statusCode()).isEqualTo(201);
                            assertThat(update.statusCode()).isEqualTo(201);
                            return update;
                        }))
                        .compose(v -> stream.advisories(2)))
                .onComplete(ctx.succeeding(events -> ctx.verify(() -> {
                    JsonObject first = events.get(0).json().getJsonObject("advisory");
                    JsonObject second = events.get(1).json().getJsonObject("advisory");
                    assertThat(events).extracting(SseEvent::id).containsExactly("1", "2");
                    assertThat(second.getString("documentId")).isEqualTo(first.getString("documentId"))
                            .isEqualTo("chiyoda-2026-0901-001");
                    assertThat(first.getInteger("revision")).isEqualTo(1);
                    assertThat(second.getInteger("revision")).isEqualTo(2);
                    assertThat(second.getJsonObject("evacuation").getJsonArray("details").getJsonObject(0)
                            .getInteger("level")).isEqualTo(5);
                    ctx.completeNow();
                })));
    }

    @Test
    void keepsTheOriginalBytesAndAnswersADuplicateWithTheFirstResult(VertxTestContext ctx) {
        postCap(fixture("notice.xml"))
                .compose(first -> postCap(fixture("notice.xml")).map(second -> List.of(first, second)))
                .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
                    assertThat(both.get(0).statusCode()).isEqualTo(201);
                    assertThat(both.get(1).statusCode()).isEqualTo(200);
                    assertThat(both.get(1).bodyAsJsonObject().getBoolean("duplicate")).isTrue();
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesAnExternalEntityWith400AndStoresNothing(VertxTestContext ctx) {
        Buffer xxe = Buffer.buffer("<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">&x;</alert>");
        postCap(xxe)
                .compose(response -> relay.getJson("/api/v1/advisories").map(list -> {
                    assertThat(list.getLong("headSeq")).isZero();
                    return response;
                }))
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(400);
                    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
                    assertThat(response.bodyAsJsonObject().getString("detail")).contains("DOCTYPE")
                            .doesNotContain("root:");
                    ctx.completeNow();
                })));
    }

    @Test
    void schemaErrorsNameLineColumnAndElement(VertxTestContext ctx) {
        String alert = fixture("notice.xml").toString().replace("<status>Actual</status>", "<status>Real</status>");
        postCap(Buffer.buffer(alert)).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(422);
            JsonObject error = response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("pointer")).isEqualTo("/alert/status");
            assertThat(error.getString("detail")).startsWith("line 6, column").contains("Real");
            ctx.completeNow();
        })));
    }

    @Test
    void answersWithACapAckOrErrorWhenAskedTo(VertxTestContext ctx) {
        Future<io.vertx.ext.web.client.HttpResponse<Buffer>> ack = relay.web().post("/api/v1/cap")
                .putHeader("Authorization", "Bearer " + CHIYODA_KEY).putHeader("Content-Type", "application/cap+xml")
                .putHeader("Accept", "application/cap+xml").sendBuffer(fixture("evacuation-alert.xml"));
        ack.compose(accepted -> relay.web().post("/api/v1/cap").putHeader("Authorization", "Bearer " + CHIYODA_KEY)
                        .putHeader("Content-Type", "application/cap+xml").putHeader("Accept", "application/cap+xml")
                        .sendBuffer(Buffer.buffer(fixture("notice.xml").toString()
                                .replace("<status>Actual</status>", "<status>Draft</status>")))
                        .map(refused -> List.of(accepted, refused)))
                .compose(two -> relay.web().post("/api/v1/cap").putHeader("Content-Type", "application/cap+xml")
                        .putHeader("Accept", "application/cap+xml").sendBuffer(fixture("notice.xml"))
                        .map(unauthorized -> List.of(two.get(0), two.get(1), unauthorized)))
                .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
                    var accepted = responses.get(0);
                    assertThat(accepted.statusCode()).isEqualTo(201);
                    assertThat(accepted.getHeader("Content-Type")).isEqualTo("application/cap+xml");
                    assertThat(accepted.bodyAsString()).contains("<msgType>Ack</msgType>")
                            .contains("<references>bousai@city.chiyoda.example.jp,chiyoda-2026-0901-001,"
                                    + "2026-09-01T10:00:00+09:00</references>")
                            .contains("accepted as seq 1, document chiyoda-2026-0901-001 revision 1");
                    var refused = responses.get(1);
                    assertThat(refused.statusCode()).isEqualTo(422);
                    assertThat(refused.bodyAsString()).contains("<msgType>Error</msgType>")
                            .contains("/alert/status: Draft messages are not distributed")
                            .contains("<references>bousai@city.chiyoda.example.jp,chiyoda-notice-001,");
                    var unauthorized = responses.get(2);
                    assertThat(unauthorized.statusCode()).isEqualTo(401);
                    assertThat(unauthorized.bodyAsString()).contains("<msgType>Error</msgType>")
                            .contains("401 no credentials");
                    ctx.completeNow();
                })));
    }

    @Test
    void takesOnlyCapContentTypes(VertxTestContext ctx) {
        relay.web().post("/api/v1/cap").putHeader("Authorization", "Bearer " + CHIYODA_KEY)
                .putHeader("Content-Type", "application/json").sendBuffer(fixture("notice.xml"))
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(415);
                    assertThat(response.bodyAsJsonObject().getString("detail"))
                            .contains("application/cap+xml or application/xml");
                    ctx.completeNow();
                })));
    }
}
