package jp.bousai.relay.feeds.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.stream.Collectors;
import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.adapters.outbound.OutboundRenderer;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.log.CurrentView;
import jp.bousai.relay.core.log.Page;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.render.AtomFeedWriter;
import jp.bousai.relay.feeds.render.EntryLinks;
import jp.bousai.relay.feeds.render.HtmlPages;

/**
 * The pull side: the published documents as JSON ({@code GET /api/v1/advisories}) and as Atom
 * feeds linking to JSON, CAP or Commons documents, all filtered like the stream and answering
 * conditional requests, and one document by id ({@code GET /api/v1/advisories/:documentId}) in
 * the representation asked for.
 */
public final class FeedEndpoints implements HttpEndpoint {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String ATOM = "application/atom+xml; charset=utf-8";
    /** Items per page unless {@code limit} says otherwise, and the most it may ask for. */
    public static final int DEFAULT_PAGE = 500;
    public static final int MAX_PAGE = 2_000;
    /** Where the WebSub hub for the Atom feeds listens. */
    public static final String HUB_PATH = "/websub";

    private final AdvisoryLog log;
    private final Clock clock;
    private final OutboundRenderer renderer;
    private final HtmlPages pages;

    /** Feeds whose entries link to documents only: there are no web pages yet. */
    public FeedEndpoints(AdvisoryLog log, Clock clock, OutboundRenderer renderer) {
        this(log, clock, renderer, HtmlPages.NONE);
    }

    /**
     * Feeds whose entries also link to the page of each document that {@code pages} names.
     *
     * @param renderer renders a document in the format asked for
     */
    public FeedEndpoints(AdvisoryLog log, Clock clock, OutboundRenderer renderer, HtmlPages pages) {
        this.log = log;
        this.clock = clock;
        this.renderer = renderer;
        this.pages = pages;
    }

    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.get("/api/v1/advisories").handler(this::listJson);
        router.head("/api/v1/advisories").handler(this::listJson);
        router.get("/api/v1/advisories/:documentId").handler(this::document);
        router.head("/api/v1/advisories/:documentId").handler(this::document);
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
            router.route(method, "/feeds/atom").handler(atom(OutboundFormat.JSON));
            router.route(method, "/feeds/cap.atom").handler(atom(OutboundFormat.CAP));
            router.route(method, "/feeds/commons.atom").handler(atom(OutboundFormat.COMMONS));
        }
    }

    /** Oldest first, {@code limit} per page; {@code next} names the following page while there is one. */
    public void listJson(RoutingContext ctx) {
        FilterParams.requireKnown(ctx.queryParams(), true, "after", "limit");
        AdvisoryFilter filter = FilterParams.parse(ctx.queryParams());
        Long after = FilterParams.sequenceNumber("query parameter 'after'", ctx.queryParams().get("after"));
        Page page = Page.oldestFirst(after == null ? 0 : after, FilterParams.limit(ctx.queryParams(), DEFAULT_PAGE,
                MAX_PAGE));
        log.current(filter, clock.instant(), page).onSuccess(view -> {
            StringBuilder body = new StringBuilder("{\"headSeq\":").append(view.headSeq());
            if (view.nextCursor() != null) {
                body.append(",\"next\":\"").append(pageUrl(ctx.request(), "after", view.nextCursor())).append('"');
            }
            body.append(",\"advisories\":[").append(view.advisories().stream()
                    .map(current -> renderer.render(OutboundFormat.JSON, current))
                    .collect(Collectors.joining(","))).append("]}");
            ConditionalGet.respond(ctx.request(), JSON, body.toString(), view.lastChanged());
        }).onFailure(ctx::fail);
    }

    /**
     * An Atom feed whose entries link to documents in {@code format}: newest first, {@code limit}
     * entries; a {@code next} link (RFC 5005) leads to older ones.
     */
    public Handler<RoutingContext> atom(OutboundFormat format) {
        return ctx -> {
            FilterParams.requireKnown(ctx.queryParams(), true, "before", "limit");
            AdvisoryFilter filter = FilterParams.parse(ctx.queryParams());
            Long before = FilterParams.sequenceNumber("query parameter 'before'", ctx.queryParams().get("before"));
            Page page = Page.newestFirst(before == null ? Long.MAX_VALUE : before,
                    FilterParams.limit(ctx.queryParams(), DEFAULT_PAGE, MAX_PAGE));
            log.current(filter, clock.instant(), page).onSuccess(view -> {
                HttpServerRequest request = ctx.request();
                String next = view.nextCursor() == null ? null
                        : baseUrl(request) + pageUrl(request, "before", view.nextCursor());
                String body = AtomFeedWriter.write(view, baseUrl(request) + request.uri(), next,
                        AtomFeedWriter.title(view), new EntryLinks(baseUrl(request), format, pages),
                        baseUrl(request) + HUB_PATH);
                ConditionalGet.respond(request, ATOM, body, view.lastChanged());
            }).onFailure(ctx::fail);
        };
    }

    /** One document in the representation the request asks for (see {@link FormatNegotiation}). */
    public void document(RoutingContext ctx) {
        FilterParams.requireKnown(ctx.queryParams(), false, "format");
        String documentId = ctx.pathParam("documentId");
        OutboundFormat format = FormatNegotiation.choose(ctx.queryParams().get("format"), ctx.parsedHeaders());
        log.document(documentId, clock.instant()).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(new ProblemException(ProblemType.NOT_FOUND, "no document with id " + documentId));
                return;
            }
            ctx.response().putHeader("Content-Type", format.contentType()).putHeader("Vary", "Accept")
                    .end(renderer.render(format, found.get()));
        }).onFailure(ctx::fail);
    }

    /** This request's path and query with the cursor parameter {@code name} set to {@code cursor}. */
    static String pageUrl(HttpServerRequest request, String name, long cursor) {
        StringBuilder url = new StringBuilder(request.path()).append('?');
        request.params().forEach((key, value) -> {
            if (!key.equals(name)) {
                url.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        return url.append(name).append('=').append(cursor).toString();
    }

    /** The scheme and authority the client used to reach this server (its address without a Host header). */
    static String baseUrl(HttpServerRequest request) {
        Object authority = request.authority() != null ? request.authority() : request.localAddress();
        return request.scheme() + "://" + authority;
    }
}
