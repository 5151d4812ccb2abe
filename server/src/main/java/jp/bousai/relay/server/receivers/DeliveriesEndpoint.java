package jp.bousai.relay.server.receivers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bousai.relay.core.advisory.Timestamps;
import jp.bousai.relay.core.channel.Deliveries;
import jp.bousai.relay.core.channel.DeliveryReceipt;
import jp.bousai.relay.core.channel.DeliveryState;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;
import jp.bousai.relay.server.auth.AdminKeys;
import jp.bousai.relay.server.auth.ApiKeys;

/**
 * {@code GET /api/v1/advisories/:documentId/deliveries}: per channel (each receiver, MQTT), where
 * the document's newest routed version stands (delivered, pending, failing, superseded, expired,
 * abandoned) with its lag, and every version's receipt. For an admin key, or the API key of a
 * sender whose scope covers the document: its original sender, a prefecture over it, or whoever
 * sent its newest version (a prefecture's revision does not shut the town that issued it out).
 */
public final class DeliveriesEndpoint implements HttpEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AdvisoryLog log;
    private final Deliveries deliveries;
    private final DocumentOwners owners;
    private final ApiKeys apiKeys;
    private final AdminKeys adminKeys;
    private final Clock clock;

    public DeliveriesEndpoint(AdvisoryLog log, Deliveries deliveries, DocumentOwners owners, ApiKeys apiKeys,
                              AdminKeys adminKeys, Clock clock) {
        this.log = log;
        this.deliveries = deliveries;
        this.owners = owners;
        this.apiKeys = apiKeys;
        this.adminKeys = adminKeys;
        this.clock = clock;
    }

    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.get("/api/v1/advisories/:documentId/deliveries").handler(this::show);
    }

    public void show(RoutingContext ctx) {
        String documentId = ctx.pathParam("documentId");
        String authorization = ctx.request().getHeader("Authorization");
        boolean admin = adminKeys.isAdmin(authorization);
        var issuer = admin ? null : apiKeys.authenticate(authorization);
        Instant now = clock.instant();
        log.document(documentId, now).compose(found -> owners.ownerOf(documentId).map(owner -> {
            if (found.isEmpty() || owner.isEmpty()) {
                throw new ProblemException(ProblemType.NOT_FOUND, "no document with id " + documentId);
            }
            var newest = found.get().record().advisory();
            if (issuer != null && !issuer.mayIssueFor(owner.get()) && !issuer.mayIssueFor(newest.sender().code())) {
                throw new ProblemException(ProblemType.FORBIDDEN, "document " + documentId + " belongs to sender "
                        + owner.get() + "; its deliveries are shown to senders whose scope covers it and to admins");
            }
            return found.get();
        })).compose(found -> {
            return deliveries.receipts(documentId).map(receipts -> body(documentId,
                    found.record().advisory().revision(), receipts, now));
        }).onSuccess(body -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.toString())).onFailure(ctx::fail);
    }

    private static ObjectNode body(String documentId, int revision, List<DeliveryReceipt> receipts, Instant now) {
        Map<String, List<DeliveryReceipt>> byChannel = new LinkedHashMap<>();
        receipts.forEach(receipt -> byChannel.computeIfAbsent(receipt.channel(), c -> new java.util.ArrayList<>())
                .add(receipt));
        ObjectNode body = JSON.createObjectNode();
        body.put("documentId", documentId);
        body.put("revision", revision);
        var channels = body.putArray("channels");
        byChannel.forEach((channel, versions) -> {
            DeliveryReceipt newest = versions.get(versions.size() - 1);
            ObjectNode entry = channels.addObject();
            entry.put("channel", channel);
            entry.put("status", status(newest));
            entry.put("revision", newest.revision());
            entry.put("lagMillis", lag(newest, now).toMillis());
            var list = entry.putArray("versions");
            versions.forEach(receipt -> list.add(receipt(receipt, now)));
        });
        return body;
    }

    /** A pending version that has failed at least once is failing. */
    private static String status(DeliveryReceipt receipt) {
        return receipt.state() == DeliveryState.PENDING && receipt.attempts() > 0 ? "failing"
                : receipt.state().wireName();
    }

    /** From queuing to acknowledgement; still growing while pending. */
    private static Duration lag(DeliveryReceipt receipt, Instant now) {
        Instant end = receipt.deliveredAt() != null ? receipt.deliveredAt()
                : receipt.state() == DeliveryState.PENDING ? now : receipt.queuedAt();
        return Duration.between(receipt.queuedAt(), end);
    }

    private static ObjectNode receipt(DeliveryReceipt receipt, Instant now) {
        ObjectNode json = JSON.createObjectNode();
        json.put("seq", receipt.seq());
        json.put("revision", receipt.revision());
        json.put("status", status(receipt));
        json.put("queuedAt", Timestamps.utc(receipt.queuedAt()));
        json.put("firstAttemptAt", receipt.firstAttemptAt() == null ? null : Timestamps.utc(receipt.firstAttemptAt()));
        json.put("deliveredAt", receipt.deliveredAt() == null ? null : Timestamps.utc(receipt.deliveredAt()));
        json.put("attempts", receipt.attempts());
        json.put("lastError", receipt.lastError());
        if (receipt.state() == DeliveryState.PENDING) {
            json.put("nextAttemptAt", Timestamps.utc(receipt.nextAttemptAt()));
        }
        json.put("lagMillis", lag(receipt, now).toMillis());
        return json;
    }
}
