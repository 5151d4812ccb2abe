package jp.bousai.relay.feeds.stream;

import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.feeds.live.LiveEvent;

/** What a stream writes, in one transport's representation {@code F}. */
public interface StreamFrames<F> {

    /** A live event, already encoded once for every subscriber. */
    F live(LiveEvent event);

    /** A version replayed from the log. */
    F advisory(AdvisoryRecord record);

    F snapshot(CurrentAdvisory current);

    F snapshotEnd(long headSeq, int count);

    F gap(long requestedSince, long firstAvailableSeq, long headSeq, String reason);

    F cutOff(long lastSeq, String reason);

    /** Sent to an idle stream now and then; null for transports with their own (WebSocket ping). */
    F heartbeat();
}
