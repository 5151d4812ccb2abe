package jp.bousai.relay.server.health;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jp.bousai.relay.core.log.AdvisoryLog;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: it can take advisories, i.e.
 * the log is open and no event loop is blocked.
 */
public final class HealthEndpoints {

    private final AdvisoryLog log;
    private final EventLoopProbe probe;

    public HealthEndpoints(AdvisoryLog log, EventLoopProbe probe) {
        this.log = log;
        this.probe = probe;
    }

    public void live(RoutingContext ctx) {
        ctx.json(new JsonObject().put("status", "UP"));
    }

    public void ready(RoutingContext ctx) {
        boolean storeOpen = log.isOpen();
        long blocked = probe.blockedLoops();
        boolean ready = storeOpen && blocked == 0;
        JsonObject checks = new JsonObject()
                .put("store", storeOpen ? "UP" : "DOWN")
                .put("eventLoops", blocked == 0 ? "UP" : blocked + " blocked");
        ctx.response().setStatusCode(ready ? 200 : 503);
        ctx.json(new JsonObject().put("status", ready ? "UP" : "DOWN").put("checks", checks));
    }
}
