package jp.bousai.relay.feeds.ws;

import io.vertx.core.json.JsonObject;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.core.log.RecordJson;
import jp.bousai.relay.feeds.live.LiveEvent;
import jp.bousai.relay.feeds.stream.StreamFrames;

/**
 * The WebSocket stream's messages: JSON text frames with a {@code type}, carrying the same
 * record JSON and the same events as the SSE stream (see docs/api.md).
 */
public final class WsFrames implements StreamFrames<String> {

    public static final WsFrames INSTANCE = new WsFrames();

    private WsFrames() {
    }

    /** The text of a live event, encoded once by the hub for every WebSocket subscriber. */
    public static String encode(AdvisoryRecord record) {
        return "{\"type\":\"advisory\",\"record\":" + RecordJson.of(record, null) + "}";
    }

    @Override
    public String live(LiveEvent event) {
        return event.webSocketText();
    }

    @Override
    public String advisory(AdvisoryRecord record) {
        return encode(record);
    }

    @Override
    public String snapshot(CurrentAdvisory current) {
        return "{\"type\":\"snapshot\",\"record\":" + RecordJson.of(current.record(), current.state()) + "}";
    }

    @Override
    public String snapshotEnd(long headSeq, int count) {
        return new JsonObject().put("type", "snapshot-end").put("seq", headSeq).put("count", count).encode();
    }

    @Override
    public String gap(long requestedSince, long firstAvailableSeq, long headSeq, String reason) {
        return new JsonObject().put("type", "gap").put("since", requestedSince).put("firstAvailableSeq", firstAvailableSeq)
                .put("headSeq", headSeq).put("reason", reason).encode();
    }

    @Override
    public String cutOff(long lastSeq, String reason) {
        return new JsonObject().put("type", "cutoff").put("lastSeq", lastSeq).put("reason", reason).encode();
    }

    @Override
    public String heartbeat() {
        return null;
    }

    static String subscribed(AdvisoryStreamRequest request) {
        return new JsonObject().put("type", "subscribed").put("id", request.id()).encode();
    }

    static String error(String detail) {
        return new JsonObject().put("type", "error").put("detail", detail).encode();
    }
}
