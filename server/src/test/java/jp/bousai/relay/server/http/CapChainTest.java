package jp.bousai.relay.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayFixture;
import jp.bousai.relay.server.testing.RelayTest;
import jp.bousai.relay.server.testing.TestReceiver;
import org.junit.jupiter.api.Test;

/**
 * A document's CAP chain end to end: a report, its update and its cancel posted through the API,
 * each revision's CAP read from the document ({@code Accept: application/cap+xml}), from the
 * entries of {@code /feeds/cap.atom} and as delivered to a {@code webhook-cap} receiver. Every
 * output of a revision is the same bytes, and each Update or Cancel references exactly the
 * {@code sender,identifier,sent} of the alerts emitted for the revisions before it.
 */
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class CapChainTest extends RelayTest {

    private static final String PUBLIC_URL = "https://bousai.example.jp";
    private static final Pattern CAP_LINK = Pattern.compile("href=\"https?://[^/\"]+(/api/v1/advisories/[^\"?]+"
            + "\\?format=cap)\"");

    /** A public URL for the CAP links; the test receiver listens on loopback, which the admin API then takes. */
    @Override
    protected Map<String, String> environment() {
        return Map.of("BOUSAI_HTTP_PUBLIC_URL", PUBLIC_URL, "BOUSAI_RECEIVER_URLS_ALLOW_PRIVATE_ADDRESSES", "true");
    }

    private static String element(String cap, String name) {
        Matcher found = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(cap);
        return found.find() ? found.group(1) : null;
    }

    private static String referenceTo(String cap) {
        return element(cap, "sender") + "," + element(cap, "identifier") + "," + element(cap, "sent");
    }

    private Future<String> documentCap(String documentId) {
        return relay.web().get("/api/v1/advisories/" + documentId).putHeader("Accept", "application/cap+xml").send()
                .map(response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.getHeader("Content-Type")).startsWith("application/cap+xml");
                    return response.bodyAsString();
                });
    }

    /** The CAP the cap.atom feed's entry for the document links to. */
    private Future<String> feedCap(String documentId) {
        return relay.web().get("/feeds/cap.atom").send().compose(feed -> {
            Matcher link = CAP_LINK.matcher(feed.bodyAsString());
            while (link.find()) {
                if (link.group(1).contains(documentId)) {
                    return relay.web().get(link.group(1)).send().map(response -> response.bodyAsString());
                }
            }
            return Future.failedFuture(new AssertionError("no CAP entry for " + documentId + " in "
                    + feed.bodyAsString()));
        });
    }

    private static List<String> deliveredCaps(List<TestReceiver.Request> requests) {
        return requests.stream().map(r -> r.body().toString(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void updatesAndCancelsReferenceTheAlertsEmittedBeforeThemOnEveryOutput(Vertx vertx, VertxTestContext ctx) {
        ObjectNode report = Examples.fresh(Examples.ORDER).put("reportTime", "2026-09-01T09:00:00+09:00");
        String documentId = report.get("documentId").asText();
        ObjectNode update = Examples.revision(report, 2).put("reportTime", "2026-09-01T09:20:00+09:00");
        ObjectNode cancel = Examples.revision(report, 3).put("type", "Cancel")
                .put("reportTime", "2026-09-01T09:40:00+09:00");
        List<String> api = new ArrayList<>();
        List<String> feed = new ArrayList<>();
        JsonObject receiver = new JsonObject().put("id", "cap-reader").put("protocol", "webhook-cap")
                .put("areas", new JsonArray().add("13")).put("secret", "test-secret-0123456789")
                .put("timeoutSeconds", 5);
        TestReceiver.start(vertx).compose(hook -> relay.addReceiver(receiver.put("url", hook.url("/cap")))
                .compose(added -> relay.issue(report, RelayFixture.CHIYODA_KEY))
                .compose(v -> hook.received(1))
                .compose(v -> documentCap(documentId)).map(api::add)
                .compose(v -> feedCap(documentId)).map(feed::add)
                .compose(v -> relay.issue(update, RelayFixture.CHIYODA_KEY))
                .compose(v -> hook.received(2))
                .compose(v -> documentCap(documentId)).map(api::add)
                .compose(v -> feedCap(documentId)).map(feed::add)
                .compose(v -> relay.issue(cancel, RelayFixture.CHIYODA_KEY))
                .compose(v -> hook.received(3))
                .compose(v -> documentCap(documentId)).map(api::add)
                .map(v -> deliveredCaps(hook.requests())))
                .onComplete(ctx.succeeding(delivered -> ctx.verify(() -> {
                    assertThat(delivered).as("the webhook's CAP is the document's CAP, revision by revision")
                            .containsExactlyElementsOf(api);
                    assertThat(feed).as("the feed links to the same CAP").containsExactlyElementsOf(api.subList(0, 2));
                    String alert = api.get(0);
                    assertThat(element(alert, "msgType")).isEqualTo("Alert");
                    assertThat(element(alert, "references")).isNull();
                    assertThat(element(alert, "sent")).isEqualTo("2026-09-01T09:00:00+09:00");
                    assertThat(element(alert, "web")).isEqualTo(PUBLIC_URL + "/api/v1/advisories/" + documentId);
                    assertThat(element(api.get(1), "msgType")).isEqualTo("Update");
                    assertThat(element(api.get(1), "references")).isEqualTo(referenceTo(alert));
                    assertThat(element(api.get(2), "msgType")).isEqualTo("Cancel");
                    assertThat(element(api.get(2), "references"))
                            .isEqualTo(referenceTo(alert) + " " + referenceTo(api.get(1)));
                    assertThat(List.of(element(alert, "identifier"), element(api.get(1), "identifier"),
                            element(api.get(2), "identifier"))).doesNotHaveDuplicates();
                    ctx.completeNow();
                })));
    }
}
