package jp.bousai.relay.adapters.media;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import jp.bousai.relay.adapters.commons.CommonsPublish;
import jp.bousai.relay.adapters.outbound.OutboundRenderer;
import jp.bousai.relay.core.channel.Channel;
import jp.bousai.relay.core.channel.DeliveryOrder;
import jp.bousai.relay.core.log.AdvisoryRecord;

/**
 * Delivers to one media receiver over HTTP. A receipt is HTTP 2xx for webhooks and L-Alert code 0
 * for SOAP; anything else (another status, another code, a Fault, no answer) fails the attempt
 * with the reason, and the dispatcher retries. Answers are read up to {@link #MAX_ANSWER_BYTES}.
 * Rendering runs on the event loop: an advisory renders in well under a millisecond.
 */
public final class MediaChannel implements Channel {

    public static final int MAX_ANSWER_BYTES = 64 * 1024;
    private final Vertx vertx;
    private final MediaReceiver receiver;
    private final Clock clock;
    private final OutboundRenderer renderer;
    private HttpClient client;

    /** @param renderer renders the advisory in the receiver's format */
    public MediaChannel(Vertx vertx, MediaReceiver receiver, Clock clock, OutboundRenderer renderer) {
        this.vertx = vertx;
        this.receiver = receiver;
        this.clock = clock;
        this.renderer = renderer;
    }

    @Override
    public String name() {
        return receiver.channel();
    }

    @Override
    public DeliveryOrder order() {
        return DeliveryOrder.PER_DOCUMENT;
    }

    @Override
    public int maxInFlight() {
        return receiver.maxInFlight();
    }

    @Override
    public Duration timeout() {
        return receiver.timeout();
    }

    @Override
    public Future<Void> start() {
        client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(Math.max(1, receiver.maxInFlight())));
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        return client == null ? Future.succeededFuture() : client.close();
    }

    @Override
    public Future<Void> deliver(AdvisoryRecord record) {
        ReceiverProtocol protocol = receiver.protocol();
        String text = protocol.soap()
                ? CommonsPublish.request(record.advisory(), receiver.username(), receiver.password(), clock.instant())
                : renderer.renderAdvisory(protocol.format(), record);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(receiver.url().toString())
                .setTimeout(receiver.timeout().toMillis())
                .putHeader("Content-Type", protocol.contentType())
                .putHeader("X-Bousai-Delivery", receiver.id() + "/" + record.seq())
                .putHeader("X-Bousai-Seq", Long.toString(record.seq()))
                .putHeader("X-Bousai-Document", record.advisory().documentId())
                .putHeader("X-Bousai-Revision", Integer.toString(record.advisory().revision()))
                .putHeader("X-Bousai-Mode", record.advisory().mode().wireName());
        if (protocol.soap()) {
            options.putHeader("SOAPAction", "\"publish\"");
        } else if (receiver.secret() != null) {
            long timestamp = clock.instant().getEpochSecond();
            options.putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .putHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(receiver.secret(), timestamp, body));
        }
        return client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(this::acknowledgement);
    }

    private Future<Void> acknowledgement(HttpClientResponse response) {
        int status = response.statusCode();
        if (!receiver.protocol().soap()) {
            response.end();
            return status / 100 == 2 ? Future.succeededFuture()
                    : Future.failedFuture("HTTP " + status + " " + response.statusMessage());
        }
        return boundedBody(response).compose(answer -> {
            CommonsPublish.Answer read;
            try {
                read = CommonsPublish.answer(answer.getBytes());
            } catch (IllegalArgumentException e) {
                return Future.failedFuture("HTTP " + status + ": " + e.getMessage());
            }
            return read.accepted() ? Future.succeededFuture()
                    : Future.failedFuture("L-Alert code " + read.code() + ": " + read.result());
        });
    }

    private static Future<Buffer> boundedBody(HttpClientResponse response) {
        String length = response.getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,12}") && Long.parseLong(length) > MAX_ANSWER_BYTES) {
            response.request().reset();
            return Future.failedFuture("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        Buffer collected = Buffer.buffer();
        io.vertx.core.Promise<Buffer> done = io.vertx.core.Promise.promise();
        response.handler(chunk -> {
            if (collected.length() + chunk.length() > MAX_ANSWER_BYTES) {
                response.request().reset();
                done.tryFail("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
            } else {
                collected.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(done::tryFail);
        response.endHandler(v -> done.tryComplete(collected));
        return done.future();
    }
}
