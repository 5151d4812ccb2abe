package jp.bousai.relay.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jp.bousai.relay.adapters.InboundFormat;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.validation.FieldErrors;
import jp.bousai.relay.feeds.http.ProblemAnswers;
import jp.bousai.relay.server.auth.ApiKeys;
import jp.bousai.relay.server.http.limits.RateLimited;
import jp.bousai.relay.server.http.limits.RateLimits;
import jp.bousai.relay.server.edge.AccessLog;
import jp.bousai.relay.server.ingest.Inbound;
import jp.bousai.relay.server.ingest.IngestService;
import jp.bousai.relay.server.metrics.RelayMetrics;

/**
 * The HTTP transport for one inbound format (JSON or CAP): authenticates the API key, applies its
 * rate limit and checks the content type before the body is read, hands the body to the
 * {@link IngestService}, and answers 201 / 200 (duplicate) with JSON or the format's own
 * acknowledgement; refusals go to the failure handlers.
 */
public final class IngestHandler {

    private static final String STARTED = "bousai.started";

    private final InboundFormat format;
    private final ApiKeys apiKeys;
    private final IngestService ingest;
    private final RelayMetrics metrics;
    private final Acknowledgement acknowledgement;
    private final RateLimits limits;

    /**
     * @param metrics counts the refusals made here (credentials, rate limit, content type); the
     *        service counts the rest
     * @param acknowledgement the format's own answers, or null for JSON only
     */
    public IngestHandler(InboundFormat format, ApiKeys apiKeys, IngestService ingest, RelayMetrics metrics,
                         Acknowledgement acknowledgement, RateLimits limits) {
        this.format = format;
        this.apiKeys = apiKeys;
        this.ingest = ingest;
        this.metrics = metrics;
        this.acknowledgement = acknowledgement;
        this.limits = limits;
    }

    /**
     * Answers failures in the format's own way when the sender asks for it (route failure
     * handler); otherwise leaves them to the problem+json handler.
     */
    public void answerFailure(RoutingContext ctx, ProblemAnswers problems) {
        if (acknowledgement == null || !acknowledgement.requested(ctx.request()) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        ProblemException problem = problems.problemOf(ctx);
        byte[] received = ctx.body() == null || ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes();
        ctx.response().setStatusCode(problem.type().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, acknowledgement.contentType())
                .end(acknowledgement.refused(received, problem));
    }

    /** Runs before the body is read: credentials, the key's rate limit and content type. Synchronous. */
    public void checkRequest(RoutingContext ctx) {
        ctx.put(STARTED, System.nanoTime());
        try {
            Issuer issuer = apiKeys.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
            RateLimited limited = limits.byApiKey(issuer.id());
            if (limited != null) {
                throw RateLimits.refusal(ctx, limited);
            }
            ctx.put(AccessLog.ISSUER, issuer);
            checkContentType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        } catch (ProblemException problem) {
            metrics.rejected(format.name(), problem.type().slug());
            throw problem;
        }
        ctx.next();
    }

    private void checkContentType(String header) {
        String mediaType = ContentTypes.mediaType(header);
        if (!format.contentTypes().contains(mediaType)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be "
                    + String.join(" or ", format.contentTypes()) + ", got '" + (header == null ? "" : header) + "'");
        }
        String charsetProblem = ContentTypes.charsetProblem(header);
        if (charsetProblem != null) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, charsetProblem);
        }
    }

    /** Runs once the body is read. */
    public void ingest(RoutingContext ctx) {
        Issuer issuer = ctx.get(AccessLog.ISSUER);
        long started = ctx.get(STARTED);
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        ingest.submit(Inbound.of(format, body), issuer, started).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            reply(ctx, result.result(), body);
        });
    }

    private void reply(RoutingContext ctx, AppendOutcome outcome, byte[] received) {
        JsonObject body = new JsonObject().put("seq", outcome.seq()).put("documentId", outcome.documentId())
                .put("revision", outcome.revision());
        int status = 201;
        if (outcome instanceof AppendOutcome.Duplicate) {
            body.put("duplicate", true);
            status = 200;
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.LOCATION, "/api/v1/advisories/"
                        + URLEncoder.encode(outcome.documentId(), StandardCharsets.UTF_8));
        if (acknowledgement != null && acknowledgement.requested(ctx.request())) {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, acknowledgement.contentType())
                    .end(acknowledgement.accepted(received, outcome));
        } else {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
        }
    }
}
