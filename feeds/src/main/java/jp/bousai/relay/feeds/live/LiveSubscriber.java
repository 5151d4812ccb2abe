package jp.bousai.relay.feeds.live;

import jp.bousai.relay.core.log.AdvisoryFilter;

/** A connection receiving live events; all its methods are called on its own event loop. */
public interface LiveSubscriber {

    AdvisoryFilter filter();

    /** An event that may match the filter (the hub's index narrows, the filter decides). */
    void onEvent(LiveEvent event);

    /** Called periodically so the connection can show it is alive. */
    void onHeartbeat();
}
