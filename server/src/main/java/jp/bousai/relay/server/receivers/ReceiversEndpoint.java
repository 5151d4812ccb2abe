package jp.bousai.relay.server.receivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.io.IOException;
import jp.bousai.relay.adapters.media.MediaReceiver;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.validation.FieldErrors;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;
import jp.bousai.relay.server.auth.AdminKeys;
import jp.bousai.relay.server.config.ReceiverDefinitions;

/**
 * The admin API for media receivers, behind an admin key:
 * {@code GET/POST /api/v1/admin/receivers}, {@code GET/PUT/DELETE /api/v1/admin/receivers/:id}.
 * Answers never include secrets or passwords.
 */
public final class ReceiversEndpoint implements HttpEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private final AdminKeys adminKeys;
    private final ReceiverRegistry registry;
    private final boolean allowPrivateAddresses;

    /**
     * @param allowPrivateAddresses whether receivers may be at loopback, private, link-local or
     *                              metadata addresses ({@code receiver-urls.allow-private-addresses})
     */
    public ReceiversEndpoint(AdminKeys adminKeys, ReceiverRegistry registry, boolean allowPrivateAddresses) {
        this.adminKeys = adminKeys;
        this.registry = registry;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** Refuses a request without an admin key before its body is read. */
    /** Every admin route is behind the admin key check, which runs before a body is read. */
    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.route("/api/v1/admin/*").handler((PlatformHandler) this::checkAdmin);
        router.get("/api/v1/admin/receivers").handler(this::list);
        router.post("/api/v1/admin/receivers").handler(support.body()).handler(this::create);
        router.get("/api/v1/admin/receivers/:id").handler(this::show);
        router.put("/api/v1/admin/receivers/:id").handler(support.body()).handler(this::replace);
        router.delete("/api/v1/admin/receivers/:id").handler(this::remove);
    }

    public void checkAdmin(RoutingContext ctx) {
        adminKeys.authenticate(ctx.request().getHeader("Authorization"));
        ctx.next();
    }

    public void list(RoutingContext ctx) {
        var body = JSON.createObjectNode();
        var receivers = body.putArray("receivers");
        registry.list().forEach(running -> receivers.add(describe(running)));
        ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(body.toString());
    }

    public void show(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        ReceiverRegistry.Running running = registry.get(id).orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "no receiver '" + id + "'"));
        ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(describe(running).toString());
    }

    public void create(RoutingContext ctx) {
        MediaReceiver receiver = definition(ctx, null);
        checkAddress(ctx, receiver).compose(registry::add).onSuccess(added -> ctx.response().setStatusCode(201)
                .putHeader("Location", "/api/v1/admin/receivers/" + added.id())
                .putHeader("Content-Type", CONTENT_TYPE)
                .end(ReceiverJson.toJson(added, false).toString())).onFailure(ctx::fail);
    }

    public void replace(RoutingContext ctx) {
        MediaReceiver receiver = definition(ctx, ctx.pathParam("id"));
        checkAddress(ctx, receiver).compose(registry::replace).onSuccess(replaced -> ctx.response().putHeader("Content-Type", CONTENT_TYPE)
                .end(ReceiverJson.toJson(replaced, false).toString())).onFailure(ctx::fail);
    }

    public void remove(RoutingContext ctx) {
        registry.remove(ctx.pathParam("id")).onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    /** Resolves the receiver's host off the event loop and refuses private addresses unless allowed. */
    private Future<MediaReceiver> checkAddress(RoutingContext ctx, MediaReceiver receiver) {
        if (allowPrivateAddresses) {
            return Future.succeededFuture(receiver);
        }
        return ctx.vertx().executeBlocking(() -> {
            ReceiverUrls.checkPublic(receiver.url());
            return receiver;
        }, false);
    }

    private static JsonNode describe(ReceiverRegistry.Running running) {
        var json = ReceiverJson.toJson(running.receiver(), false);
        json.put("source", running.configured() ? "config" : "api");
        json.put("pending", running.dispatcher().depth());
        return json;
    }

    /** The receiver the body defines; on a PUT, its id must be the path's (or absent). */
    private static MediaReceiver definition(RoutingContext ctx, String pathId) {
        JsonNode json;
        try {
            json = JSON.readTree(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED, "the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED, "the body could not be read: " + e.getMessage());
        }
        if (pathId != null && json != null && json.isObject() && !json.has("id")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("id", pathId);
        }
        FieldErrors errors = new FieldErrors();
        MediaReceiver receiver = ReceiverDefinitions.parse(json, errors);
        if (pathId != null && receiver != null && !receiver.id().equals(pathId)) {
            errors.add("/id", "must be the id in the path, '" + pathId + "'");
        }
        errors.throwIfAny();
        return receiver;
    }
}
