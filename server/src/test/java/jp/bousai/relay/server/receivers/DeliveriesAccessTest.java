package jp.bousai.relay.server.receivers;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static jp.bousai.relay.server.testing.RelayFixture.OSAKA_KEY;
import static jp.bousai.relay.server.testing.RelayFixture.TOKYO_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/** Who may see a document's deliveries: senders whose scope covers it, also after 代行入力. */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DeliveriesAccessTest extends RelayTest {

    private Future<HttpResponse<Buffer>> deliveries(String documentId, String key) {
        return relay.web().get("/api/v1/advisories/" + documentId + "/deliveries")
                .putHeader("Authorization", "Bearer " + key).send();
    }

    @Test
    void theIssuingTownAndItsPrefectureSeeDeliveriesAfterThePrefectureRevisedTheDocument(VertxTestContext ctx) {
        var order = Examples.fresh(Examples.ORDER);
        var byPrefecture = Examples.revision(order, 2);
        byPrefecture.remove("sender");
        String documentId = order.get("documentId").asText();
        relay.issue(order, CHIYODA_KEY).compose(v -> relay.issue(byPrefecture, TOKYO_KEY))
                .compose(v -> Future.all(deliveries(documentId, CHIYODA_KEY), deliveries(documentId, TOKYO_KEY),
                        deliveries(documentId, OSAKA_KEY)))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    List<HttpResponse<Buffer>> answers = all.list();
                    assertThat(answers.get(0).statusCode()).as("the town that issued it").isEqualTo(200);
                    assertThat(answers.get(0).bodyAsJsonObject().getInteger("revision")).isEqualTo(2);
                    assertThat(answers.get(1).statusCode()).as("the prefecture that revised it").isEqualTo(200);
                    assertThat(answers.get(2).statusCode()).as("a sender whose scope does not cover it")
                            .isEqualTo(403);
                    ctx.completeNow();
                })));
    }
}
