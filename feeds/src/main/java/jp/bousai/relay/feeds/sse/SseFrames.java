package jp.bousai.relay.feeds.sse;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.core.log.RecordJson;
import jp.bousai.relay.feeds.live.LiveEncoding;
import jp.bousai.relay.feeds.live.LiveEvent;
import jp.bousai.relay.feeds.stream.StreamFrames;

/**
 * The Server-Sent Events this server writes. Live and replayed versions are {@code advisory}
 * events whose {@code id} is their sequence number; everything else carries no id, except
 * {@code snapshot-end}, whose id is the sequence number the snapshot covers.
 */
public final class SseFrames implements StreamFrames<Buffer> {

    public static final SseFrames INSTANCE = new SseFrames();

    /** Tells the client how long to wait before reconnecting, in milliseconds. */
    public static final Buffer PREAMBLE = Buffer.buffer("retry: 3000\n\n");
    public static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");

    private SseFrames() {
    }

    /** The frame of a live event, encoded once by the hub and written to every SSE subscriber. */
    public static final LiveEncoding LIVE = new LiveEncoding(SseFrames::text);

    private static String text(AdvisoryRecord record) {
        return "id: " + record.seq() + "\nevent: advisory\ndata: " + RecordJson.of(record, null) + "\n\n";
    }

    @Override
    public Buffer live(LiveEvent event) {
        return event.encoded(LIVE);
    }

    @Override
    public Buffer heartbeat() {
        return HEARTBEAT;
    }

    @Override
    public Buffer advisory(AdvisoryRecord record) {
        return Buffer.buffer(text(record));
    }

    /** One currently published document, sent before live events when a snapshot was asked for. */
    @Override
    public Buffer snapshot(CurrentAdvisory current) {
        return Buffer.buffer("event: snapshot\ndata: " + RecordJson.of(current.record(), current.state()) + "\n\n");
    }

    @Override
    public Buffer snapshotEnd(long headSeq, int count) {
        return Buffer.buffer("id: " + headSeq + "\nevent: snapshot-end\ndata: {\"seq\":" + headSeq
                + ",\"count\":" + count + "}\n\n");
    }

    /** The resume point cannot be served without a gap; a snapshot follows. */
    @Override
    public Buffer gap(long requestedSince, long firstAvailableSeq, long headSeq, String reason) {
        return event("gap", new JsonObject().put("since", requestedSince).put("firstAvailableSeq", firstAvailableSeq)
                .put("headSeq", headSeq).put("reason", reason));
    }

    /** The subscriber fell too far behind and is disconnected; it should resume from {@code lastSeq}. */
    @Override
    public Buffer cutOff(long lastSeq, String reason) {
        return event("cutoff", new JsonObject().put("lastSeq", lastSeq).put("reason", reason));
    }

    /** A control event: its data is JSON written by a JSON writer, so any reason text stays one escaped string. */
    private static Buffer event(String name, JsonObject data) {
        return Buffer.buffer("event: " + name + "\ndata: " + data.encode() + "\n\n");
    }
}
