package jp.bousai.relay.server.health;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import jp.bousai.relay.core.log.AdvisoryLog;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: it can take advisories, i.e.
 * the log is open and no event loop is blocked; it also reports the MQTT broker connection.
 */
public final class HealthEndpoints {

    private final AdvisoryLog log;
    private final EventLoopProbe probe;
    private final BooleanSupplier mqttConnected;

    /** @param mqttConnected whether the MQTT broker is connected; null when MQTT is off */
    public HealthEndpoints(AdvisoryLog log, EventLoopProbe probe, BooleanSupplier mqttConnected) {
        this.log = log;
        this.probe = probe;
        this.mqttConnected = mqttConnected;
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
        if (mqttConnected != null) {
            // reported, but not a reason to take the HTTP API out of service: the outbox keeps MQTT's share
            checks.put("mqtt", mqttConnected.getAsBoolean() ? "UP" : "DOWN");
        }
        ctx.response().setStatusCode(ready ? 200 : 503);
        ctx.json(new JsonObject().put("status", ready ? "UP" : "DOWN").put("checks", checks));
    }
}
