package jp.bousai.relay.server.http.limits;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static jp.bousai.relay.server.testing.RelayFixture.TOKYO_KEY;
import static jp.bousai.relay.server.testing.SoapMessages.PASSWORD;
import static jp.bousai.relay.server.testing.SoapMessages.USER;
import static jp.bousai.relay.server.testing.SoapMessages.distribution;
import static jp.bousai.relay.server.testing.SoapMessages.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;

/**
 * The rate limits against a real server: small buckets (2 at once, then 1 a second), so that a
 * third request in quick succession is over the limit.
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RateLimitsTest extends RelayTest {

    private static final String NOW = "2026-09-01T10:00:00+09:00";

    @Override
    protected Map<String, String> environment() {
        return Map.of("BOUSAI_LIMITS_API_KEY_RATE", "1", "BOUSAI_LIMITS_API_KEY_BURST", "2",
                "BOUSAI_LIMITS_SOAP_USER_RATE", "1", "BOUSAI_LIMITS_SOAP_USER_BURST", "1");
    }

    /** Posts {@code count} orders one after the other; gives every answer. */
    private Future<List<HttpResponse<Buffer>>> postInTurn(int count, String key) {
        List<HttpResponse<Buffer>> answers = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < count; i++) {
            chain = chain.compose(v -> relay.post(Examples.fresh(Examples.ORDER), key).map(answer -> {
                answers.add(answer);
                return null;
            }));
        }
        return chain.map(v -> answers);
    }

    /** The order as 東京都 enters it for 千代田区 (代行入力). */
    private static ObjectNode byTokyo() {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        order.remove("sender");
        return order;
    }

    @Test
    void aKeyOverItsLimitGets429WithRetryAfterAsProblemJsonWhileAnotherKeyIsAccepted(VertxTestContext ctx) {
        postInTurn(4, CHIYODA_KEY)
                .compose(flooded -> relay.post(byTokyo(), TOKYO_KEY).map(other -> {
                    List<HttpResponse<Buffer>> all = new ArrayList<>(flooded);
                    all.add(other);
                    return all;
                }))
                .compose(answers -> relay.metric("bousai_limit_refusals_total{limit=\"api-key\"}").map(refusals -> {
                    ctx.verify(() -> {
                        assertThat(answers.subList(0, 2)).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(201));
                        HttpResponse<Buffer> refused = answers.subList(2, 4).stream()
                                .filter(a -> a.statusCode() == 429).findFirst()
                                .orElseThrow(() -> new AssertionError("no 429 after the burst"));
                        assertThat(refused.getHeader("Content-Type")).isEqualTo("application/problem+json");
                        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 2);
                        JsonObject problem = refused.bodyAsJsonObject();
                        assertThat(problem.getString("type")).isEqualTo("urn:bousai-relay:problem:rate-limited");
                        assertThat(problem.getInteger("status")).isEqualTo(429);
                        assertThat(problem.getString("detail")).contains("API key");
                        assertThat(answers.get(4).statusCode()).as("another key is not limited").isEqualTo(201);
                        assertThat(refusals).isGreaterThanOrEqualTo(1.0);
                    });
                    return null;
                }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aSoapUserOverItsLimitGets429WithAnLAlertCode(VertxTestContext ctx) {
        postSoap(publish(distribution("notice-report-v4.xml"), USER, PASSWORD, NOW))
                .compose(first -> postSoap(publish(distribution("shelter-report-v3.xml"), USER, PASSWORD, NOW))
                        .compose(second -> postSoap(publish(distribution("evacuation-report-v3-legacy.xml"), USER,
                                PASSWORD, NOW)).map(third -> List.of(first, second, third))))
                .compose(answers -> relay.metric("bousai_limit_refusals_total{limit=\"soap-user\"}").map(refusals -> {
                    ctx.verify(() -> {
                        assertThat(answers.get(0).statusCode()).isEqualTo(200);
                        HttpResponse<Buffer> refused = answers.subList(1, 3).stream()
                                .filter(a -> a.statusCode() == 429).findFirst()
                                .orElseThrow(() -> new AssertionError("no 429 after the burst"));
                        assertThat(refused.getHeader("Content-Type")).startsWith("text/xml");
                        assertThat(refused.getHeader("Retry-After")).isNotBlank();
                        assertThat(refused.bodyAsString()).contains("<code>901</code>").contains("SOAP user");
                        assertThat(refusals).isGreaterThanOrEqualTo(1.0);
                    });
                    return null;
                }))
                .onComplete(ctx.succeedingThenComplete());
    }

    private Future<HttpResponse<Buffer>> postSoap(String soap) {
        return relay.web().post("/soap/commons").putHeader("Content-Type", "text/xml; charset=utf-8")
                .putHeader("SOAPAction", "\"\"").sendBuffer(Buffer.buffer(soap));
    }
}
