package jp.bousai.relay.server.http;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.http.ProblemAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: maps every failure to an RFC 9457 {@code application/problem+json}
 * answer. Client errors say exactly what to fix and are logged at debug; server errors are
 * logged with a reference the client is given, and never leak internals.
 */
public final class ProblemResponses implements ProblemAnswers {

    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:bousai-relay:problem:";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final int maxBodyBytes;

    public ProblemResponses(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.failure() instanceof HttpClosedException) {
            LOG.debug("[{} {}] the client closed the connection mid-request; nothing was stored",
                    ctx.request().method(), ctx.request().path());
            return;
        }
        ProblemException problem = problemOf(ctx);
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        if (problem.type().isClientError()) {
            LOG.debug("[{} {}] {}: {}", ctx.request().method(), ctx.request().path(), problem.type().status(),
                    problem.detail());
        }
        JsonObject body = new JsonObject()
                .put("type", TYPE_PREFIX + problem.type().slug())
                .put("title", problem.type().title())
                .put("status", problem.type().status())
                .put("detail", problem.detail());
        if (!problem.errors().isEmpty()) {
            JsonArray errors = new JsonArray();
            for (FieldError error : problem.errors()) {
                errors.add(new JsonObject().put("pointer", error.pointer()).put("detail", error.detail()));
            }
            body.put("errors", errors);
        }
        if (problem.type() == ProblemType.UNAUTHORIZED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (problem.type() == ProblemType.OVERLOADED || problem.type() == ProblemType.UNAVAILABLE) {
            response.putHeader("Retry-After", "1");
        }
        response.setStatusCode(problem.type().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .end(body.encode());
    }

    @Override
    public ProblemException problemOf(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ProblemException problem) {
            if (!problem.type().isClientError()) {
                LOG.warn("[{} {}] {}: {}", ctx.request().method(), ctx.request().path(), problem.type().status(),
                        problem.detail(), problem.getCause());
            }
            return problem;
        }
        return switch (ctx.statusCode()) {
            case 400 -> new ProblemException(ProblemType.MALFORMED, "the request could not be read"
                    + (failure == null || failure.getMessage() == null ? "" : ": " + failure.getMessage()));
            case 404 -> new ProblemException(ProblemType.NOT_FOUND, "no such resource: " + ctx.request().path());
            case 405 -> new ProblemException(ProblemType.MALFORMED, "method " + ctx.request().method()
                    + " is not allowed on " + ctx.request().path());
            case 413 -> new ProblemException(ProblemType.TOO_LARGE, "the request body exceeds " + maxBodyBytes
                    + " bytes (http.max-body-bytes)");
            default -> internal(ctx, failure);
        };
    }

    private static ProblemException internal(RoutingContext ctx, Throwable failure) {
        String reference = UUID.randomUUID().toString();
        LOG.error("[ref: {}] {} {} failed", reference, ctx.request().method(), ctx.request().path(), failure);
        return new ProblemException(ProblemType.INTERNAL, "internal error; quote reference " + reference
                + " to the operator");
    }
}
