package jp.bousai.relay.feeds.websub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import jp.bousai.relay.adapters.media.WebhookSignature;
import jp.bousai.relay.core.channel.Backoff;
import jp.bousai.relay.core.lifecycle.Lifecycle;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.Page;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.store.WebSubStore;
import jp.bousai.relay.core.store.WebSubSubscription;
import jp.bousai.relay.feeds.http.FeedEndpoints;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;
import jp.bousai.relay.feeds.render.AtomFeedWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSub hub of the Atom feeds ({@code POST /websub}). A (un)subscription is answered 202 and
 * then verified: the hub GETs the callback with a challenge, which must come back as the body of a
 * 2xx answer. A verified subscription holds for its lease ({@code hub.lease_seconds}, default
 * {@link #DEFAULT_LEASE}, at most {@link #MAX_LEASE}; subscribing again renews it) and survives a
 * restart. On every committed version that a topic's filter matches, the hub POSTs the topic's
 * current feed to the callback, signed with {@code X-Hub-Signature: sha256=…} when a secret was
 * given, retrying a failed push up to {@link #MAX_ATTEMPTS} times after the delays of
 * {@link Backoff#WEBSUB_PUSHES}; versions arriving meanwhile are coalesced into one more push of
 * the latest feed. A 410 answer ends the subscription.
 *
 * <p>A {@link Lifecycle} run on a context of its own (the one {@link #start()} is called on, a
 * verticle's); nothing here blocks. {@link #stop()} verifies and pushes no more, drops the retries
 * waiting, and completes once the requests under way have ended (at most {@link #STOP_GRACE}).
 */
public final class WebSubHub implements HttpEndpoint, Lifecycle {

    public static final Duration DEFAULT_LEASE = Duration.ofDays(10);
    public static final Duration MAX_LEASE = Duration.ofDays(30);
    public static final int MAX_ATTEMPTS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How long stopping waits for the verifications and pushes under way (each ends within its timeout). */
    public static final Duration STOP_GRACE = TIMEOUT.plusSeconds(5);
    private static final int MAX_SECRET_BYTES = 199;
    private static final Logger LOG = LoggerFactory.getLogger(WebSubHub.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A subscription in force, with its push state (touched on the hub's context only). */
    private static final class Active {
        final WebSubSubscription subscription;
        final FeedTopic topic;
        boolean pushing;
        boolean dirty;

        Active(WebSubSubscription subscription, FeedTopic topic) {
            this.subscription = subscription;
            this.topic = topic;
        }
    }

    private final Vertx vertx;
    private final Backoff backoff = Backoff.WEBSUB_PUSHES;
    /** Set by {@link #start()}: the context every field below is touched on. */
    private volatile Context context;
    private final AdvisoryLog log;
    private final WebSubStore store;
    private final Clock clock;
    private final HttpClient client;
    private final Map<String, Active> subscriptions = new ConcurrentHashMap<>();
    /** By topic URL, its feed rendered since the last change (touched on the hub's context only). */
    private final Map<String, Future<byte[]>> renderedSinceChange = new java.util.HashMap<>();
    /** Retries waiting for their time (dropped when stopping). */
    private final Set<Long> retryTimers = new HashSet<>();
    /** Verifications and pushes under way, from the request to recording what it showed. */
    private int underWay;
    private boolean stopped;
    /** Set by {@link #stop()} while requests are under way: completed when the last ends. */
    private Promise<Void> drained;

    public WebSubHub(Vertx vertx, AdvisoryLog log, WebSubStore store, Clock clock) {
        this.vertx = vertx;
        this.log = log;
        this.store = store;
        this.clock = clock;
        this.client = vertx.createHttpClient();
    }

    @Override
    public String name() {
        return "websub";
    }

    /** Loads the stored subscriptions and starts pushing on every committed version, on the calling context. */
    @Override
    public Future<Void> start() {
        Context own = Vertx.currentContext();
        context = own != null ? own : vertx.getOrCreateContext();
        return store.all().map(all -> {
            for (WebSubSubscription subscription : all) {
                try {
                    subscriptions.put(key(subscription.callback(), subscription.topic()),
                            new Active(subscription, FeedTopic.parse(subscription.topic())));
                } catch (IllegalArgumentException e) {
                    LOG.warn("[websub] a stored subscription's topic no longer parses, skipped: {}", e.getMessage());
                }
            }
            log.onCommitted(this::changed);
            return null;
        });
    }

    /** Verifies and pushes no more; completes once the requests under way have ended, then closes the client. */
    @Override
    public Future<Void> stop() {
        Context own = context;
        if (own == null) {
            return client.close();
        }
        Promise<Void> idle = Promise.promise();
        own.runOnContext(v -> {
            stopped = true;
            retryTimers.forEach(vertx::cancelTimer);
            retryTimers.clear();
            if (underWay == 0) {
                idle.complete();
            } else {
                drained = idle;
            }
        });
        return idle.future().timeout(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                .onFailure(e -> LOG.warn("[websub] stopped with requests still under way after {} ms",
                        STOP_GRACE.toMillis()))
                .otherwiseEmpty()
                .compose(v -> client.close());
    }

    /** Counts {@code work} as under way until it ends (on the hub's context). */
    private <T> Future<T> tracked(Future<T> work) {
        underWay++;
        return work.andThen(done -> {
            underWay--;
            if (underWay == 0 && drained != null) {
                drained.tryComplete();
            }
        });
    }

    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.post(FeedEndpoints.HUB_PATH).handler(support.body()).handler(this::handle);
    }

    /** How many subscriptions are in force. */
    public int size() {
        return subscriptions.size();
    }

    /** {@code POST /websub} with a form body: hub.mode, hub.topic, hub.callback, hub.lease_seconds, hub.secret. */
    public void handle(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        String mode = required(form.get("hub.mode"), "hub.mode");
        if (!mode.equals("subscribe") && !mode.equals("unsubscribe")) {
            throw malformed("hub.mode must be subscribe or unsubscribe, got '" + mode + "'");
        }
        String callback = required(form.get("hub.callback"), "hub.callback");
        checkCallback(callback);
        String topicUrl = required(form.get("hub.topic"), "hub.topic");
        FeedTopic topic;
        try {
            topic = FeedTopic.parse(topicUrl);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
        Duration lease = lease(form.get("hub.lease_seconds"));
        String secret = form.get("hub.secret");
        if (secret != null && (secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES)) {
            throw malformed("hub.secret must be 1 to " + MAX_SECRET_BYTES + " bytes");
        }
        Context own = context;
        if (own == null) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the WebSub hub is starting; try again shortly");
        }
        ctx.response().setStatusCode(202).end();
        own.runOnContext(v -> verify(mode, callback, topic, lease, secret));
    }

    private void verify(String mode, String callback, FeedTopic topic, Duration lease, String secret) {
        if (stopped) {
            return;
        }
        String challenge = HexFormat.of().formatHex(randomBytes(16));
        String url = callback + (callback.contains("?") ? "&" : "?") + "hub.mode=" + mode
                + "&hub.topic=" + URLEncoder.encode(topic.url(), StandardCharsets.UTF_8)
                + "&hub.challenge=" + challenge
                + (mode.equals("subscribe") ? "&hub.lease_seconds=" + lease.toSeconds() : "");
        tracked(client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                        .setTimeout(TIMEOUT.toMillis()))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() / 100 == 2
                        && body.length() <= 1024 && body.toString(StandardCharsets.UTF_8).strip().equals(challenge)))
                .compose(verified -> {
                    if (!verified) {
                        LOG.info("[websub, callback: {}] {} not verified: the challenge did not come back", callback,
                                mode);
                        return Future.succeededFuture();
                    }
                    if (mode.equals("subscribe")) {
                        WebSubSubscription subscription = new WebSubSubscription(callback, topic.url(), secret,
                                clock.instant().plus(lease));
                        return store.save(subscription).onSuccess(saved ->
                                subscriptions.put(key(callback, topic.url()), new Active(subscription, topic)));
                    }
                    return store.delete(callback, topic.url()).onSuccess(deleted ->
                            subscriptions.remove(key(callback, topic.url())));
                }))
                .onFailure(e -> LOG.info("[websub, callback: {}] {} not verified: {}", callback, mode, e.toString()));
    }

    /** Called for every committed version, off the event loop: hands over to the hub's context. */
    private void changed(AdvisoryRecord record) {
        Context own = context;
        if (own == null) {
            return;
        }
        own.runOnContext(v -> {
            if (stopped) {
                return;
            }
            Instant now = clock.instant();
            renderedSinceChange.clear();
            subscriptions.values().forEach(active -> {
                if (now.isAfter(active.subscription.expiresAt())) {
                    subscriptions.remove(key(active.subscription.callback(), active.subscription.topic()), active);
                    store.delete(active.subscription.callback(), active.subscription.topic());
                } else if (active.topic.filter().matches(record.advisory())) {
                    schedule(active);
                }
            });
        });
    }

    private void schedule(Active active) {
        if (stopped) {
            return;
        }
        if (active.pushing) {
            active.dirty = true;
            return;
        }
        active.pushing = true;
        active.dirty = false;
        push(active, 1);
    }

    private void push(Active active, int attempt) {
        Future<byte[]> rendered = renderedSinceChange.computeIfAbsent(active.topic.url(), url -> render(active.topic));
        rendered.onFailure(e -> renderedSinceChange.remove(active.topic.url(), rendered));
        tracked(rendered.compose(feed -> send(active, feed)))
                .onComplete(result -> {
                    if (result.succeeded() && result.result() == 410) {
                        LOG.info("[websub, callback: {}] gone (410); subscription ended", active.subscription.callback());
                        subscriptions.remove(key(active.subscription.callback(), active.subscription.topic()), active);
                        store.delete(active.subscription.callback(), active.subscription.topic());
                    } else if (result.failed() || result.result() / 100 != 2) {
                        if (attempt < MAX_ATTEMPTS && !stopped) {
                            long[] timer = new long[1];
                            timer[0] = vertx.setTimer(backoff.delayAfter(attempt).toMillis(), id -> {
                                retryTimers.remove(timer[0]);
                                push(active, attempt + 1);
                            });
                            retryTimers.add(timer[0]);
                            return;
                        }
                        LOG.warn("[websub, callback: {}] push failed {} times; waiting for the next change",
                                active.subscription.callback(), attempt);
                    }
                    active.pushing = false;
                    if (active.dirty) {
                        schedule(active);
                    }
                });
    }

    /** The topic's feed as it is now: read and rendered once per change, whatever the number of subscribers. */
    private Future<byte[]> render(FeedTopic topic) {
        return log.current(topic.filter(), clock.instant(), Page.newestFirst(Long.MAX_VALUE, FeedEndpoints.DEFAULT_PAGE))
                .map(view -> AtomFeedWriter.write(view, topic.url(), topic.baseUrl(), null, AtomFeedWriter.title(view),
                        topic.format(), topic.baseUrl() + FeedEndpoints.HUB_PATH).getBytes(StandardCharsets.UTF_8));
    }

    private Future<Integer> send(Active active, byte[] feed) {
        FeedTopic topic = active.topic;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(active.subscription.callback()).setTimeout(TIMEOUT.toMillis())
                .putHeader("Content-Type", FeedEndpoints.ATOM)
                .putHeader("Link", "<" + topic.baseUrl() + FeedEndpoints.HUB_PATH + ">; rel=\"hub\", <" + topic.url()
                        + ">; rel=\"self\"");
        if (active.subscription.secret() != null) {
            options.putHeader("X-Hub-Signature", signature(active.subscription.secret(), feed));
        }
        return client.request(options).compose(request -> request.send(Buffer.buffer(feed)))
                .map(HttpClientResponse::statusCode);
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body with the subscriber's secret. */
    public static String signature(String secret, byte[] body) {
        return WebhookSignature.hmacSha256(secret, body);
    }

    private static Duration lease(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LEASE;
        }
        if (!text.strip().matches("\\d{1,9}") || Long.parseLong(text.strip()) < 60) {
            throw malformed("hub.lease_seconds must be a whole number of seconds, at least 60, got '" + text + "'");
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(text.strip()));
        return asked.compareTo(MAX_LEASE) > 0 ? MAX_LEASE : asked;
    }

    private static void checkCallback(String callback) {
        try {
            URI uri = new URI(callback);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw malformed("hub.callback must be an absolute http or https URL, got '" + callback + "'");
            }
        } catch (java.net.URISyntaxException e) {
            throw malformed("hub.callback is not a URL: " + e.getMessage());
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw malformed(name + " is required (form field of an application/x-www-form-urlencoded body)");
        }
        return value.strip();
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(ProblemType.MALFORMED, detail);
    }

    private static String key(String callback, String topic) {
        return callback + "\n" + topic;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
