package jp.bousai.relay.adapters.webpush;

import static jp.bousai.relay.adapters.webpush.PushAdvisories.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.IssueStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class WebPushEndToEndTest {

    private static final URI PAGE = URI.create("https://bousai.example.jp/areas/131016");

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final VapidKeys keys = VapidKeys.generate(random);
    private final VapidOptions options = VapidOptions.withSubject("mailto:ops@example.jp");
    private final PushMessages messages = new PushMessages(new Aes128gcm(random), new VapidTokens(keys, options, clock),
            PushTtl.defaults(), clock);
    private PushServiceStandIn pushService;
    private WebClient client;

    @BeforeEach
    void start(Vertx vertx, VertxTestContext ctx) {
        client = WebClient.create(vertx);
        PushServiceStandIn.start(vertx, keys.publicKey(), clock).onComplete(ctx.succeeding(started -> {
            pushService = started;
            ctx.completeNow();
        }));
    }

    @AfterEach
    void stop(VertxTestContext ctx) {
        client.close();
        pushService.close().onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aLevelFourOrderArrivesDecryptableWithItsHeaders(VertxTestContext ctx) {
        BrowserSubscription browser = pushService.subscribe();
        PushNotice notice = messages.notice(order(EvacuationLevel.LEVEL_4, IssueStatus.ISSUED, "直ちに避難してください。"), PAGE);

        send(messages.message(notice, subscriptionAsTheServerGetsIt(browser))).onComplete(ctx.succeeding(response ->
                ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(201);
                    assertThat(response.getHeader("Location")).startsWith(pushService.origin() + "/message/");
                    List<ReceivedPush> received = pushService.accepted();
                    assertThat(received).hasSize(1);
                    ReceivedPush push = received.get(0);
                    assertThat(push.subscriptionId()).isEqualTo(browser.id());
                    assertThat(push.plaintext()).isEqualTo(notice.payload());
                    JsonNode json = new ObjectMapper().readTree(push.plaintext());
                    assertThat(json.get("title").asText()).isEqualTo("【警戒レベル4】避難指示 千代田区");
                    assertThat(push.urgency()).isEqualTo("high");
                    assertThat(push.ttl()).isEqualTo(Long.toString(PushTtl.DEFAULT_TTL.toSeconds()));
                    assertThat(push.topic()).isEqualTo(PushTopic.of("doc-0d6f2c84"));
                    assertThat(push.receivedAt()).isNotNull();
                    ctx.completeNow();
                })));
    }

    @Test
    void answersAsToldPerSubscription(VertxTestContext ctx) {
        BrowserSubscription gone = pushService.subscribe();
        BrowserSubscription notFound = pushService.subscribe();
        BrowserSubscription throttled = pushService.subscribe();
        BrowserSubscription failing = pushService.subscribe();
        pushService.answer(gone, StandInAnswer.gone());
        pushService.answer(notFound, StandInAnswer.notFound());
        pushService.answer(throttled, StandInAnswer.tooManyRequests(Duration.ofSeconds(30)));
        pushService.answer(failing, StandInAnswer.serverError(503, Duration.ofSeconds(5)));
        PushNotice notice = messages.notice(order(EvacuationLevel.LEVEL_3, IssueStatus.ISSUED, null), PAGE);

        Future.all(List.of(gone, notFound, throttled, failing).stream()
                        .map(browser -> send(messages.message(notice, browser.asSent()))).toList())
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    List<HttpResponse<Buffer>> responses = all.list();
                    assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(410, 404, 429, 503);
                    assertThat(responses.get(2).getHeader("Retry-After")).isEqualTo("30");
                    assertThat(responses.get(3).getHeader("Retry-After")).isEqualTo("5");
                    assertThat(pushService.received()).allSatisfy(push -> assertThat(push.plaintext())
                            .isEqualTo(notice.payload()));
                    assertThat(pushService.accepted()).isEmpty();
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesATokenFromAnotherKey(VertxTestContext ctx) {
        BrowserSubscription browser = pushService.subscribe();
        PushMessages impostor = new PushMessages(new Aes128gcm(random),
                new VapidTokens(VapidKeys.generate(random), options, clock), PushTtl.defaults(), clock);

        send(impostor.message(impostor.notice(PushAdvisories.notice("x"), PAGE), browser.asSent()))
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(403);
                    assertThat(pushService.received().get(0).problem()).contains("not the key");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesATokenForAnotherOrigin(VertxTestContext ctx) {
        BrowserSubscription browser = pushService.subscribe();
        PushMessage honest = messages.message(messages.notice(PushAdvisories.notice("x"), PAGE), browser.asSent());
        String otherOrigin = new VapidTokens(keys, options, clock).authorization(URI.create("https://push.example.net/x"));
        java.util.Map<String, String> headers = new java.util.HashMap<>(honest.headers());
        headers.put("Authorization", otherOrigin);

        send(new PushMessage(honest.endpoint(), headers, honest.body())).onComplete(ctx.succeeding(response ->
                ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertThat(pushService.received().get(0).problem()).contains("aud");
                    ctx.completeNow();
                })));
    }

    @Test
    void refusesABodyEncryptedForAnotherBrowser(VertxTestContext ctx) {
        BrowserSubscription browser = pushService.subscribe();
        BrowserSubscription other = pushService.subscribe();
        PushMessage forOther = messages.message(messages.notice(PushAdvisories.notice("x"), PAGE), other.asSent());

        send(new PushMessage(browser.endpoint(), forOther.headers(), forOther.body())).onComplete(ctx.succeeding(
                response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(400);
                    assertThat(pushService.received().get(0).problem()).startsWith("does not decrypt");
                    ctx.completeNow();
                })));
    }

    /** The browser's JSON, as the subscription API will take it, read back into a subscription. */
    private static PushSubscription subscriptionAsTheServerGetsIt(BrowserSubscription browser) {
        return PushSubscription.fromBase64Url(browser.endpoint().toString(), browser.p256dh(), browser.auth());
    }

    private Future<HttpResponse<Buffer>> send(PushMessage message) {
        var request = client.postAbs(message.endpoint().toString());
        message.headers().forEach(request::putHeader);
        return request.sendBuffer(Buffer.buffer(message.body()));
    }
}
