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
