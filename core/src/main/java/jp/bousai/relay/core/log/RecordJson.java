package jp.bousai.relay.core.log;

import jp.bousai.relay.core.advisory.Timestamps;

/**
 * The JSON of a logged version as every JSON output shows it: its sequence number, when it was
 * received (UTC, whole seconds: see {@link Timestamps}), optionally the document's state now, and the advisory's canonical JSON (which the
 * log rendered once; it is spliced in, not re-encoded).
 */
public final class RecordJson {

    private RecordJson() {
    }

    public static String of(AdvisoryRecord record, DocumentState state) {
        StringBuilder json = new StringBuilder(record.json().length() + 96);
        json.append("{\"seq\":").append(record.seq());
        if (state != null) {
            json.append(",\"state\":\"").append(state.wireName()).append('"');
        }
        json.append(",\"receivedAt\":\"").append(Timestamps.utc(record.receivedAt())).append('"');
        json.append(",\"advisory\":").append(record.json()).append('}');
        return json.toString();
    }
}
