package jp.bousai.relay.server.testing;

import io.vertx.core.json.JsonObject;

/** One Server-Sent Event as a client received it; {@code id} is null when the event had none. */
public record SseEvent(String id, String event, String data) {

    public JsonObject json() {
        return new JsonObject(data);
    }

    public long seq() {
        return json().getLong("seq");
    }
}
