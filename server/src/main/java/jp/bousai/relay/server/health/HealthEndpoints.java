package jp.bousai.relay.server.health;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: it can take advisories, i.e.
 * the log is open, no event loop is blocked and the server is not stopping; it also reports the
 * MQTT broker connection. Once {@link #stopping()} is called readiness answers 503 for good, so
 * that load balancers send no new requests while the server finishes what it has.
 */
public final class HealthEndpoints implements HttpEndpoint {

    private final AdvisoryLog log;
    private final EventLoopProbe probe;
    private final BooleanSupplier mqttConnected;
    private volatile boolean stopping;

    /** @param mqttConnected whether the MQTT broker is connected; null when MQTT is off */
    public HealthEndpoints(AdvisoryLog log, EventLoopProbe probe, BooleanSupplier mqttConnected) {
        this.log = log;
        this.probe = probe;
        this.mqttConnected = mqttConnected;
    }

    /** Readiness answers 503 from now on: the server is shutting down. */
    public void stopping() {
        stopping = true;
    }

    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.get("/health/live").handler(this::live);
        router.get("/health/ready").handler(this::ready);
    }

    public void live(RoutingContext ctx) {
        ctx.json(new JsonObject().put("status", "UP"));
    }

    public void ready(RoutingContext ctx) {
        boolean storeOpen = log.isOpen();
        long blocked = probe.blockedLoops();
        boolean ready = storeOpen && blocked == 0 && !stopping;
        JsonObject checks = new JsonObject()
                .put("server", stopping ? "STOPPING" : "UP")
                .put("store", storeOpen ? "UP" : "DOWN")
                .put("eventLoops", blocked == 0 ? "UP" : blocked + " blocked");
        if (mqttConnected != null) {
            // reported, but not a reason to take the HTTP API out of service: the outbox keeps MQTT's share
            checks.put("mqtt", mqttConnected.getAsBoolean() ? "UP" : "DOWN");
        }
        ctx.response().setStatusCode(ready ? 200 : 503);
        ctx.json(new JsonObject().put("status", ready ? "UP" : "DOWN").put("checks", checks));
    }
}
