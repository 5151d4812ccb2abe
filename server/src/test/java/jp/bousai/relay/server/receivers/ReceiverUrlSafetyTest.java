package jp.bousai.relay.server.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/** With the default configuration the admin API takes only public receivers and never shows URL credentials. */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ReceiverUrlSafetyTest extends RelayTest {

    private static final List<String> PRIVATE = List.of("http://127.0.0.1:9/hook", "http://localhost:8080/hook",
            "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest", "http://10.1.2.3/hook",
            "http://[::1]/hook", "http://100.100.100.200/latest");

    private Future<HttpResponse<Buffer>> add(String id, String url) {
        JsonObject hook = new JsonObject().put("id", id).put("url", url).put("protocol", "webhook-json")
                .put("secret", "a-long-enough-secret").put("areas", new JsonArray().add("13")).put("timeoutSeconds", 1);
        return relay.web().post("/api/v1/admin/receivers").putHeader("Authorization", "Bearer " + RelayFixture.ADMIN_KEY)
                .sendJsonObject(hook);
    }

    @Test
    void refusesLoopbackPrivateLinkLocalAndMetadataAddresses(VertxTestContext ctx) {
        List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < PRIVATE.size(); i++) {
            String url = PRIVATE.get(i);
            String id = "private-" + i;
            chain = chain.compose(v -> {
                Future<HttpResponse<Buffer>> answer = add(id, url);
                answers.add(answer);
                return answer.mapEmpty();
            });
        }
        chain.onComplete(ctx.succeeding(v -> ctx.verify(() -> {
            for (int i = 0; i < PRIVATE.size(); i++) {
                HttpResponse<Buffer> answer = answers.get(i).result();
                assertThat(answer.statusCode()).as(PRIVATE.get(i)).isEqualTo(422);
                JsonObject error = answer.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
                assertThat(error.getString("pointer")).isEqualTo("/url");
                assertThat(error.getString("detail")).contains("receiver-urls.allow-private-addresses");
            }
            ctx.completeNow();
        })));
    }

    @Test
    void neverShowsPasswordsOrTokensOfAReceiverUrl(VertxTestContext ctx) {
        String url = "https://relay-user:pa55word@203.0.113.10/hook?area=13&token=t0ken-value&api_key=k3y-value";
        add("public", url).compose(created -> relay.web().get("/api/v1/admin/receivers")
                        .putHeader("Authorization", "Bearer " + RelayFixture.ADMIN_KEY).send()
                        .map(listed -> List.of(created, listed)))
                .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
                    assertThat(answers.get(0).statusCode()).isEqualTo(201);
                    assertThat(answers.get(0).bodyAsJsonObject().getString("url"))
                            .isEqualTo("https://***@203.0.113.10/hook?area=13&token=***&api_key=***");
                    for (HttpResponse<Buffer> answer : answers) {
                        assertThat(answer.bodyAsString()).doesNotContain("pa55word").doesNotContain("t0ken-value")
                                .doesNotContain("k3y-value");
                    }
                    ctx.completeNow();
                })));
    }
}
