package jp.bousai.relay.feeds.ws;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.core.log.RecordJson;
import jp.bousai.relay.feeds.live.LiveEncoding;
import jp.bousai.relay.feeds.live.LiveEvent;
import jp.bousai.relay.feeds.stream.StreamFrames;

/**
 * The WebSocket stream's messages: JSON text frames with a {@code type}, carrying the same
 * record JSON and the same events as the SSE stream (see docs/api.md).
 */
public final class WsFrames implements StreamFrames<Buffer> {

    public static final WsFrames INSTANCE = new WsFrames();

    private WsFrames() {
    }

    /** The text of a live event, encoded once by the hub and written to every WebSocket subscriber. */
    public static final LiveEncoding LIVE = new LiveEncoding(WsFrames::text);

    private static String text(AdvisoryRecord record) {
        return "{\"type\":\"advisory\",\"record\":" + RecordJson.of(record, null) + "}";
    }

    @Override
    public Buffer live(LiveEvent event) {
        return event.encoded(LIVE);
    }

    @Override
    public Buffer advisory(AdvisoryRecord record) {
        return Buffer.buffer(text(record));
    }

    @Override
    public Buffer snapshot(CurrentAdvisory current) {
        return Buffer.buffer("{\"type\":\"snapshot\",\"record\":" + RecordJson.of(current.record(), current.state())
                + "}");
    }

    @Override
    public Buffer snapshotEnd(long headSeq, int count) {
        return new JsonObject().put("type", "snapshot-end").put("seq", headSeq).put("count", count).toBuffer();
    }

    @Override
    public Buffer gap(long requestedSince, long firstAvailableSeq, long headSeq, String reason) {
        return new JsonObject().put("type", "gap").put("since", requestedSince).put("firstAvailableSeq", firstAvailableSeq)
                .put("headSeq", headSeq).put("reason", reason).toBuffer();
    }

    @Override
    public Buffer cutOff(long lastSeq, String reason) {
        return new JsonObject().put("type", "cutoff").put("lastSeq", lastSeq).put("reason", reason).toBuffer();
    }

    @Override
    public Buffer heartbeat() {
        return null;
    }

    static Buffer subscribed(AdvisoryStreamRequest request) {
        return new JsonObject().put("type", "subscribed").put("id", request.id()).toBuffer();
    }

    static Buffer error(String detail) {
        return new JsonObject().put("type", "error").put("detail", detail).toBuffer();
    }
}
