package jp.bousai.relay.feeds.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.stream.Collectors;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.log.CurrentView;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.render.AtomFeedWriter;
import jp.bousai.relay.feeds.render.RecordJson;

/**
 * The pull side: the published documents as JSON ({@code GET /api/v1/advisories}) and as Atom
 * ({@code GET /feeds/atom}), both filtered like the stream and answering conditional requests,
 * and one document by id ({@code GET /api/v1/advisories/:documentId}).
 */
public final class FeedEndpoints {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String ATOM = "application/atom+xml; charset=utf-8";

    private final AdvisoryLog log;
    private final Clock clock;

    public FeedEndpoints(AdvisoryLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void listJson(RoutingContext ctx) {
        AdvisoryFilter filter = FilterParams.parse(ctx.queryParams());
        log.current(filter, clock.instant()).onSuccess(view -> {
            String body = "{\"headSeq\":" + view.headSeq() + ",\"advisories\":[" + view.advisories().stream()
                    .map(current -> RecordJson.of(current.record(), current.state()))
                    .collect(Collectors.joining(",")) + "]}";
            ConditionalGet.respond(ctx.request(), JSON, body, view.lastChanged());
        }).onFailure(ctx::fail);
    }

    public void atom(RoutingContext ctx) {
        AdvisoryFilter filter = FilterParams.parse(ctx.queryParams());
        log.current(filter, clock.instant()).onSuccess(view -> {
            HttpServerRequest request = ctx.request();
            String body = AtomFeedWriter.write(view, baseUrl(request) + request.uri(), baseUrl(request),
                    title(view));
            ConditionalGet.respond(request, ATOM, body, view.lastChanged());
        }).onFailure(ctx::fail);
    }

    public void document(RoutingContext ctx) {
        String documentId = ctx.pathParam("documentId");
        log.document(documentId, clock.instant()).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(new ProblemException(ProblemType.NOT_FOUND, "no document with id " + documentId));
                return;
            }
            ctx.response().putHeader("Content-Type", JSON)
                    .end(RecordJson.of(found.get().record(), found.get().state()));
        }).onFailure(ctx::fail);
    }

    private static String title(CurrentView view) {
        return "bousai-relay 防災情報 (" + view.advisories().size() + ")";
    }

    /** The scheme and authority the client used to reach this server (its address without a Host header). */
    static String baseUrl(HttpServerRequest request) {
        Object authority = request.authority() != null ? request.authority() : request.localAddress();
        return request.scheme() + "://" + authority;
    }
}
