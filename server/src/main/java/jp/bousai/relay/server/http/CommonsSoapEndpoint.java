package jp.bousai.relay.server.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.time.Clock;
import java.util.Locale;
import jp.bousai.relay.adapters.commons.CommonsFormat;
import jp.bousai.relay.adapters.commons.SoapFault;
import jp.bousai.relay.adapters.commons.SoapReplies;
import jp.bousai.relay.adapters.commons.UsernameTokenVerifier;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.validation.FieldErrors;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;
import jp.bousai.relay.server.edge.AccessLog;
import jp.bousai.relay.server.http.limits.RateLimited;
import jp.bousai.relay.server.http.limits.RateLimits;
import jp.bousai.relay.server.ingest.IngestService;
import jp.bousai.relay.server.metrics.RelayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /soap/commons}: the L-Alert {@code MQService} {@code publish} operation (SOAP 1.1),
 * so that an existing L-Alert sender can point at this server unchanged. A broken envelope or a
 * failed WS-Security check gets a SOAP Fault (HTTP 400: the client's mistake); everything else a
 * {@code processResponse} (HTTP 200) with L-Alert's codes: 0 accepted, 401 bad message format,
 * 402 invalid, 901 other error (also, with HTTP 429 and {@code Retry-After}, for a sender over its
 * rate limit). The envelope and its token are this transport's concern; the distribution goes
 * through the {@link IngestService} as every other submission does.
 */
public final class CommonsSoapEndpoint implements HttpEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(CommonsSoapEndpoint.class);

    private final CommonsFormat format = new CommonsFormat();
    private final UsernameTokenVerifier verifier;
    private final IngestService ingest;
    private final RelayMetrics metrics;
    private final RateLimits limits;

    /**
     * @param metrics counts the refusals made here (rate limits, SOAP faults); the service counts
     *        the rest
     */
    public CommonsSoapEndpoint(UsernameTokenVerifier verifier, IngestService ingest, RelayMetrics metrics,
                               RateLimits limits) {
        this.verifier = verifier;
        this.ingest = ingest;
        this.metrics = metrics;
        this.limits = limits;
    }

    /** The check is a platform handler so that it may run before the body is read. */
    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.post("/soap/commons")
                .handler((PlatformHandler) this::checkRequest)
                .handler(support.body())
                .handler(this::publish);
    }

    /** Before the body is read: the client address's rate limit; only XML content types are taken. */
    public void checkRequest(RoutingContext ctx) {
        ctx.put("bousai.started", System.nanoTime());
        RateLimited limited = limits.byAddress(ctx.request());
        if (limited != null) {
            refuse(ctx, limited);
            return;
        }
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String media = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!format.contentTypes().contains(media)) {
            fault(ctx, 415, new SoapFault("soap:Client", "Content-Type must be text/xml (SOAP 1.1), got '"
                    + (type == null ? "" : type) + "'"));
            return;
        }
        if (ContentTypes.charsetProblem(type) != null) {
            fault(ctx, 415, new SoapFault("soap:Client", ContentTypes.charsetProblem(type)));
            return;
        }
        ctx.next();
    }

    /**
     * Once the body is read: reads the envelope and verifies the token (on a worker), applies the
     * SOAP user's rate limit, then submits the distribution.
     */
    public void publish(RoutingContext ctx) {
        long started = ctx.get("bousai.started");
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        ctx.vertx().executeBlocking(() -> SoapPublication.open(body, verifier), false)
                .compose(publication -> admit(ctx, publication))
                .onFailure(refused -> metrics.rejected(format.name(), reason(refused)))
                .compose(publication -> ingest.submit(publication, publication.issuer(), started))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        answer(ctx, SoapReplies.OK, IngestService.describe(result.result()));
                    } else if (result.cause() instanceof RateLimited limited) {
                        answerRateLimited(ctx, limited);
                    } else if (result.cause() instanceof SoapFault fault) {
                        fault(ctx, 400, fault);
                    } else if (result.cause() instanceof ProblemException problem) {
                        answer(ctx, code(problem), describe(problem));
                    } else {
                        LOG.error("[format: commons] publish failed", result.cause());
                        fault(ctx, 500, new SoapFault("soap:Server", "internal error; retry later"));
                    }
                });
    }

    /** The token is known only from the body: the access log names its user from here on. */
    private Future<SoapPublication> admit(RoutingContext ctx, SoapPublication publication) {
        ctx.put(AccessLog.ISSUER, publication.issuer());
        RateLimited limited = limits.bySoapUser(publication.issuer().id());
        return limited == null ? Future.succeededFuture(publication) : Future.failedFuture(limited);
    }

    /** The metrics' reason for a refusal made here, before the ingest service. */
    private static String reason(Throwable refused) {
        if (refused instanceof SoapFault) {
            return "soap-fault";
        }
        return refused instanceof ProblemException problem ? problem.type().slug() : ProblemType.INTERNAL.slug();
    }

    private static int code(ProblemException problem) {
        return switch (problem.type()) {
            case MALFORMED -> SoapReplies.BAD_FORMAT;
            case INVALID, CONFLICT -> SoapReplies.INVALID;
            default -> SoapReplies.OTHER;
        };
    }

    /** The reason, then every field error once (an invalid message's own detail already names its one error). */
    private static String describe(ProblemException problem) {
        int count = problem.errors().size();
        StringBuilder text = new StringBuilder(problem.type() != ProblemType.INVALID || count == 0 ? problem.detail()
                : count == 1 ? "1 field is invalid" : count + " fields are invalid");
        for (FieldError error : problem.errors()) {
            text.append("; ").append(error.pointer()).append(": ").append(error.detail());
        }
        return text.toString();
    }

    /** A rate-limit refusal: 429 with Retry-After, and L-Alert's "other error" code to retry later. */
    private void refuse(RoutingContext ctx, RateLimited limited) {
        metrics.rejected(format.name(), limited.type().slug());
        answerRateLimited(ctx, limited);
    }

    private static void answerRateLimited(RoutingContext ctx, RateLimited limited) {
        ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(limited.retryAfterSeconds()))
                .putHeader(HttpHeaders.CONTENT_TYPE, SoapReplies.CONTENT_TYPE)
                .end(SoapReplies.processResponse(SoapReplies.OTHER, limited.detail()));
    }

    private static void answer(RoutingContext ctx, int code, String result) {
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, SoapReplies.CONTENT_TYPE)
                .end(SoapReplies.processResponse(code, result));
    }

    private static void fault(RoutingContext ctx, int status, SoapFault fault) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, SoapReplies.CONTENT_TYPE)
                .end(SoapReplies.fault(fault));
    }
}
