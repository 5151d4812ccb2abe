package jp.bousai.relay.server.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxTestContext;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/** The admin API for receivers: credentials, clear refusals, no secrets in answers, persistence. */
class ReceiversAdminTest extends RelayTest {

    /** The test receivers listen on loopback, which only this setting lets the admin API accept. */
    @Override
    protected java.util.Map<String, String> environment() {
        return java.util.Map.of("BOUSAI_RECEIVER_URLS_ALLOW_PRIVATE_ADDRESSES", "true");
    }

    static final JsonObject HOOK = new JsonObject().put("id", "portal").put("url", "http://127.0.0.1:9/hook")
            .put("protocol", "webhook-json").put("secret", "a-long-enough-secret").put("areas", new JsonArray().add("13"));

    private Future<HttpResponse<Buffer>> post(JsonObject body, String key) {
        var request = relay.web().post("/api/v1/admin/receivers");
        if (key != null) {
            request.putHeader("Authorization", "Bearer " + key);
        }
        return request.sendJsonObject(body);
    }

    @Test
    void onlyAnAdminKeyMayManageReceivers(VertxTestContext ctx) {
        post(HOOK, null).compose(none -> post(HOOK, RelayFixture.CHIYODA_KEY).map(sender -> {
            ctx.verify(() -> {
                assertThat(none.statusCode()).isEqualTo(401);
                assertThat(sender.statusCode()).isEqualTo(401);
                assertThat(sender.bodyAsJsonObject().getString("detail")).contains("admin key");
            });
            return sender;
        })).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aBadDefinitionIsRefusedNamingEachField(VertxTestContext ctx) {
        JsonObject bad = new JsonObject().put("id", "Bad Id").put("url", "ftp://example.jp")
                .put("protocol", "fax").put("areas", new JsonArray().add("99")).put("colour", "red");
        post(bad, RelayFixture.ADMIN_KEY).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.bodyAsJsonObject().getJsonArray("errors").stream()
                    .map(e -> ((JsonObject) e).getString("pointer")).toList())
                    .contains("/id", "/url", "/protocol", "/areas", "/colour");
            ctx.completeNow();
        })));
    }

    @Test
    void aReceiverIsListedWithoutSecretsSurvivesARestartAndCanBeRemoved(io.vertx.core.Vertx vertx, VertxTestContext ctx) {
        post(HOOK, RelayFixture.ADMIN_KEY)
                .compose(created -> post(HOOK, RelayFixture.ADMIN_KEY).map(again -> {
                    ctx.verify(() -> {
                        assertThat(created.statusCode()).isEqualTo(201);
                        assertThat(created.bodyAsString()).doesNotContain("a-long-enough-secret");
                        assertThat(again.statusCode()).isEqualTo(409);
                    });
                    return again;
                }))
                .compose(v -> relay.stop())
                .compose(v -> RelayFixture.start(vertx, dataDir))
                .compose(restarted -> {
                    relay = restarted;
                    return relay.web().get("/api/v1/admin/receivers")
                            .putHeader("Authorization", "Bearer " + RelayFixture.ADMIN_KEY).send();
                })
                .compose(listed -> {
                    ctx.verify(() -> {
                        JsonObject portal = listed.bodyAsJsonObject().getJsonArray("receivers").getJsonObject(0);
                        assertThat(portal.getString("id")).isEqualTo("portal");
                        assertThat(portal.getString("source")).isEqualTo("api");
                        assertThat(portal.getJsonArray("modes")).containsExactly("Actual");
                        assertThat(portal.containsKey("secret")).isFalse();
                    });
                    return relay.web().delete("/api/v1/admin/receivers/portal")
                            .putHeader("Authorization", "Bearer " + RelayFixture.ADMIN_KEY).send();
                })
                .compose(deleted -> relay.web().get("/api/v1/admin/receivers/portal")
                        .putHeader("Authorization", "Bearer " + RelayFixture.ADMIN_KEY).send().map(gone -> {
                            ctx.verify(() -> {
                                assertThat(deleted.statusCode()).isEqualTo(204);
                                assertThat(gone.statusCode()).isEqualTo(404);
                            });
                            return gone;
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }
}
