package jp.bousai.relay.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import jp.bousai.relay.adapters.InboundFormat;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.log.Submission;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.validation.FieldErrors;
import jp.bousai.relay.feeds.http.ProblemAnswers;
import jp.bousai.relay.server.auth.ApiKeys;
import jp.bousai.relay.server.http.limits.RateLimited;
import jp.bousai.relay.server.http.limits.RateLimits;
import jp.bousai.relay.server.edge.AccessLog;
import jp.bousai.relay.server.metrics.RelayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes submissions in one inbound format: authenticate, check the content type, decode,
 * authorise, validate (every error at once), append durably, answer. Decoding and validation
 * run on a worker, never on the event loop (XML schema validation of a large order takes time).
 */
public final class IngestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);
    private static final String STARTED = "bousai.started";

    private final InboundFormat format;
    private final ApiKeys apiKeys;
    private final AdvisoryLog log;
    private final RelayMetrics metrics;
    private final Acknowledgement acknowledgement;
    private final Clock clock;
    private final RateLimits limits;

    /**
     * @param acknowledgement the format's own answers, or null for JSON only
     * @param clock the time of receipt, for the rules on past and implausible times
     */
    public IngestHandler(InboundFormat format, ApiKeys apiKeys, AdvisoryLog log, RelayMetrics metrics,
                         Acknowledgement acknowledgement, Clock clock, RateLimits limits) {
        this.format = format;
        this.apiKeys = apiKeys;
        this.log = log;
        this.metrics = metrics;
        this.acknowledgement = acknowledgement;
        this.clock = clock;
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
        ctx.vertx().executeBlocking(() -> check(body, issuer), false).compose(log::append).onComplete(result -> {
            if (result.failed()) {
                Throwable cause = result.cause();
                metrics.rejected(format.name(), cause instanceof ProblemException problem
                        ? problem.type().slug() : ProblemType.INTERNAL.slug());
                ctx.fail(cause);
                return;
            }
            reply(ctx, result.result(), started, body);
        });
    }

    private Submission check(byte[] body, Issuer issuer) {
        FieldErrors errors = new FieldErrors();
        return Submissions.prepare(format.decode(body, issuer, errors), errors, issuer, format.name(), body,
                clock.instant());
    }

    private void reply(RoutingContext ctx, AppendOutcome outcome, long started, byte[] received) {
        JsonObject body = new JsonObject().put("seq", outcome.seq()).put("documentId", outcome.documentId())
                .put("revision", outcome.revision());
        int status;
        if (outcome instanceof AppendOutcome.Accepted) {
            metrics.accepted(format.name(), started);
            LOG.info("[doc: {}, rev: {}, seq: {}, format: {}] accepted", outcome.documentId(), outcome.revision(),
                    outcome.seq(), format.name());
            status = 201;
        } else {
            metrics.duplicate(format.name());
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
