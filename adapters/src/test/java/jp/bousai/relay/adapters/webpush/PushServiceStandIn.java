package jp.bousai.relay.adapters.webpush;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A push service for tests and the loadtest: a real Vert.x HTTP server on a random loopback port
 * that takes RFC 8030 pushes at {@code POST /push/{id}}. For each it checks the VAPID header
 * ({@link VapidCheck}: key, signature, aud, exp, sub), the {@code TTL} header, the content coding
 * and the 4096-byte limit, decrypts the body with the subscription's private key as a browser
 * would, and records it with the time it arrived. What it answers a push that passes is set with
 * {@link #answer}: 201 by default, or 404, 410, 429 with {@code Retry-After}, 5xx, for all
 * subscriptions or one. A push is recorded before it is answered, so a sender that has the answer
 * finds it in {@link #received()}. An unknown subscription gets 404; a push failing a check gets 400, 401,
 * 403, 413 or 415 and is recorded with the reason.
 *
 * <p>Decryption runs on worker threads (one ECDH per push), so the event loop only moves bytes.
 */
public final class PushServiceStandIn {

    private static final String PATH = "/push/";

    private final Vertx vertx;
    private final ECPublicKey applicationServerKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, BrowserSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, StandInAnswer> answers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<ReceivedPush> received = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile StandInAnswer defaultAnswer = StandInAnswer.created();
    private HttpServer server;
    private String origin;

    private PushServiceStandIn(Vertx vertx, ECPublicKey applicationServerKey, Clock clock) {
        this.vertx = vertx;
        this.applicationServerKey = applicationServerKey;
        this.clock = clock;
    }

    /** Starts a stand-in that accepts pushes signed with {@code applicationServerKey}'s pair. */
    public static Future<PushServiceStandIn> start(Vertx vertx, ECPublicKey applicationServerKey, Clock clock) {
        PushServiceStandIn standIn = new PushServiceStandIn(vertx, applicationServerKey, clock);
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(standIn::handle)
                .listen()
                .map(server -> {
                    standIn.server = server;
                    standIn.origin = "http://127.0.0.1:" + server.actualPort();
                    return standIn;
                });
    }

    /** {@code http://127.0.0.1:<port>}: the {@code aud} a token for this service must carry. */
    public String origin() {
        return origin;
    }

    /** A new subscription, made as a browser makes one: a fresh P-256 key pair and auth secret. */
    public BrowserSubscription subscribe() {
        String id = Long.toString(ids.incrementAndGet());
        byte[] auth = new byte[PushSubscription.AUTH_SECRET_BYTES];
        random.nextBytes(auth);
        BrowserSubscription subscription = new BrowserSubscription(id, URI.create(origin + PATH + id),
                P256.generate(random), auth);
        subscriptions.put(id, subscription);
        return subscription;
    }

    /** From now on, answer every push that passes the checks with {@code answer}. */
    public void answer(StandInAnswer answer) {
        defaultAnswer = answer;
    }

    /** From now on, answer pushes to {@code subscription} with {@code answer}. */
    public void answer(BrowserSubscription subscription, StandInAnswer answer) {
        answers.put(subscription.id(), answer);
    }

    /** Every push so far, in the order they were answered. */
    public synchronized List<ReceivedPush> received() {
        return List.copyOf(received);
    }

    /** The pushes answered 201, decrypted. */
    public synchronized List<ReceivedPush> accepted() {
        return received.stream().filter(ReceivedPush::accepted).toList();
    }

    /** Completes once {@code count} pushes (of any outcome) have been answered. */
    public synchronized Future<List<ReceivedPush>> awaitReceived(int count) {
        if (received.size() >= count) {
            return Future.succeededFuture(List.copyOf(received));
        }
        Promise<List<ReceivedPush>> promise = Promise.promise();
        waiters.add(new Waiter(count, promise));
        return promise.future();
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (request.method() != HttpMethod.POST || !path.startsWith(PATH)) {
            request.response().setStatusCode(404).end();
            return;
        }
        String id = path.substring(PATH.length());
        BrowserSubscription subscription = subscriptions.get(id);
        String ttl = request.getHeader("TTL");
        String urgency = request.getHeader("Urgency");
        String topic = request.getHeader("Topic");
        if (subscription == null) {
            finish(request, new ReceivedPush(id, null, ttl, urgency, topic, 404, "no such subscription", clock.instant()),
                    null);
            return;
        }
        VapidCheck.Problem vapid = VapidCheck.problemWith(request.getHeader("Authorization"), applicationServerKey,
                origin, clock.instant());
        if (vapid != null) {
            finish(request, new ReceivedPush(id, null, ttl, urgency, topic, vapid.status(), vapid.message(),
                    clock.instant()), null);
            return;
        }
        String headerProblem = headerProblem(request, ttl, urgency, topic);
        if (headerProblem != null) {
            int status = headerProblem.startsWith("Content-Encoding") ? 415 : 400;
            finish(request, new ReceivedPush(id, null, ttl, urgency, topic, status, headerProblem, clock.instant()),
                    null);
            return;
        }
        StandInAnswer answer = answers.getOrDefault(id, defaultAnswer);
        request.body()
                .compose(body -> body.length() > Aes128gcm.MAX_BODY_BYTES
                        ? Future.succeededFuture(new ReceivedPush(id, null, ttl, urgency, topic, 413,
                                "body of " + body.length() + " bytes", clock.instant()))
                        : vertx.executeBlocking(() -> decrypt(subscription, body, ttl, urgency, topic, answer), false))
                .onSuccess(push -> finish(request, push, answer))
                .onFailure(failure -> request.response().setStatusCode(500).end());
    }

    private ReceivedPush decrypt(BrowserSubscription subscription, Buffer body, String ttl, String urgency,
                                 String topic, StandInAnswer answer) {
        try {
            byte[] plaintext = Aes128gcm.decrypt(body.getBytes(), subscription.privateKey(), subscription.publicKey(),
                    subscription.authSecret());
            return new ReceivedPush(subscription.id(), plaintext, ttl, urgency, topic, answer.status(), null,
                    clock.instant());
        } catch (GeneralSecurityException e) {
            return new ReceivedPush(subscription.id(), null, ttl, urgency, topic, 400,
                    "does not decrypt: " + e.getMessage(), clock.instant());
        }
    }

    private static String headerProblem(HttpServerRequest request, String ttl, String urgency, String topic) {
        if (ttl == null || !ttl.matches("\\d{1,10}")) {
            return "TTL missing or not a number of seconds";
        }
        if (!PushMessages.CONTENT_ENCODING.equals(request.getHeader("Content-Encoding"))) {
            return "Content-Encoding is not aes128gcm";
        }
        if (urgency != null && !urgency.matches("very-low|low|normal|high")) {
            return "Urgency is not very-low, low, normal or high";
        }
        if (topic != null && !topic.matches("[A-Za-z0-9_-]{1,32}")) {
            return "Topic is not up to 32 URL-safe base64 characters";
        }
        return null;
    }

    /** Answers and records {@code push}; {@code answer} is the chosen answer when the push passed the checks. */
    private void finish(HttpServerRequest request, ReceivedPush push, StandInAnswer answer) {
        var response = request.response().setStatusCode(push.status());
        if (push.problem() == null && answer != null && answer.retryAfter() != null) {
            response.putHeader("Retry-After", Long.toString(answer.retryAfter().toSeconds()));
        }
        if (push.accepted()) {
            response.putHeader("Location", origin + "/message/" + push.subscriptionId() + "-" + ids.incrementAndGet());
        }
        record(push);
        response.end();
    }

    private void record(ReceivedPush push) {
        List<Waiter> done = new ArrayList<>();
        List<ReceivedPush> snapshot = null;
        synchronized (this) {
            received.add(push);
            int size = received.size();
            waiters.removeIf(waiter -> waiter.count() <= size && done.add(waiter));
            if (!done.isEmpty()) {
                snapshot = List.copyOf(received);
            }
        }
        for (Waiter waiter : done) {
            waiter.promise().complete(snapshot);
        }
    }

    private record Waiter(int count, Promise<List<ReceivedPush>> promise) {
    }
}
