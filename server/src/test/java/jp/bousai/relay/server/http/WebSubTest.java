package jp.bousai.relay.server.http;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.feeds.websub.WebSubHub;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/** The WebSub hub: verification of intent, signed pushes of the topic's feed, clear refusals. */
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class WebSubTest extends RelayTest {

    static final String SECRET = "websub-secret";

    private io.vertx.core.Future<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>> subscribe(
            MultiMap form) {
        return relay.web().post("/websub").sendForm(form);
    }

    @Test
    void aVerifiedSubscriberGetsTheFeedSignedOnEveryMatchingChange(Vertx vertx, VertxTestContext ctx) {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        String topic = "http://127.0.0.1:" + relay.port() + "/feeds/cap.atom?area=13";
        TestReceiver.start(vertx).compose(subscriber -> {
            // The subscriber echoes the challenge of a verification GET and acknowledges pushes.
            subscriber.answering((request, response) -> response.end(request.body().length() == 0
                    ? challenge(request) : ""));
            return subscribe(MultiMap.caseInsensitiveMultiMap().add("hub.mode", "subscribe")
                    .add("hub.topic", topic).add("hub.callback", subscriber.url("/callback?id=7"))
                    .add("hub.secret", SECRET).add("hub.lease_seconds", "3600"))
                    .compose(accepted -> {
                        ctx.verify(() -> assertThat(accepted.statusCode()).isEqualTo(202));
                        return relay.eventually(() -> io.vertx.core.Future.succeededFuture(
                                relay.relay().webSub().size()), size -> size == 1);
                    })
                    .compose(v -> relay.issue(order, CHIYODA_KEY))
                    .compose(v -> subscriber.until(requests -> requests.stream().anyMatch(r -> r.body().length() > 0)))
                    .map(requests -> List.of(requests.get(0), requests.stream().filter(r -> r.body().length() > 0)
                            .findFirst().orElseThrow()));
        }).onComplete(ctx.succeeding(requests -> ctx.verify(() -> {
            TestReceiver.Request push = requests.get(1);
            assertThat(push.header("Content-Type")).startsWith("application/atom+xml");
            assertThat(push.header("X-Hub-Signature")).isEqualTo(WebSubHub.signature(SECRET, push.body().getBytes()));
            assertThat(push.header("Link")).contains("rel=\"hub\"").contains("<" + topic + ">; rel=\"self\"");
            assertThat(push.body().toString()).contains(order.get("documentId").asText()).contains("?format=cap");
            ctx.completeNow();
        })));
    }

    private static String challenge(TestReceiver.Request verification) {
        var parameters = new QueryStringDecoder(verification.header(TestReceiver.URI_HEADER)).parameters();
        assertThat(parameters.get("hub.mode")).containsExactly("subscribe");
        assertThat(parameters.get("id")).as("the callback's own query is kept").containsExactly("7");
        return parameters.get("hub.challenge").get(0);
    }

    @Test
    void aBadSubscriptionIsRefusedNamingTheField(VertxTestContext ctx) {
        subscribe(MultiMap.caseInsensitiveMultiMap().add("hub.mode", "subscribe")
                .add("hub.topic", "http://127.0.0.1:" + relay.port() + "/feeds/atom"))
                .compose(noCallback -> subscribe(MultiMap.caseInsensitiveMultiMap().add("hub.mode", "subscribe")
                        .add("hub.callback", "http://127.0.0.1:9/cb").add("hub.topic", "https://example.jp/other.atom"))
                        .map(notOurs -> List.of(noCallback, notOurs)))
                .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
                    assertThat(responses.get(0).statusCode()).isEqualTo(400);
                    assertThat(responses.get(0).bodyAsJsonObject().getString("detail")).contains("hub.callback");
                    assertThat(responses.get(1).statusCode()).isEqualTo(400);
                    assertThat(responses.get(1).bodyAsJsonObject().getString("detail")).contains("hub.topic");
                    ctx.completeNow();
                })));
    }
}
