package jp.bousai.relay.feeds.stream;

import java.time.Duration;

/**
 * Options of the live streams.
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * @param maxPendingBytes output a subscriber may have waiting before it is cut off
 * @param replayPageSize versions read from the log per page when a subscriber catches up
 * @param maxSubscribers streams open at once before new ones get 503
 */
public record StreamOptions(Duration heartbeat, int maxPendingBytes, int replayPageSize, int maxSubscribers) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_PENDING_BYTES = 1024 * 1024;
    public static final int DEFAULT_REPLAY_PAGE_SIZE = 500;
    public static final int DEFAULT_MAX_SUBSCRIBERS = 50_000;

    public static StreamOptions defaults() {
        return new StreamOptions(DEFAULT_HEARTBEAT, DEFAULT_MAX_PENDING_BYTES, DEFAULT_REPLAY_PAGE_SIZE,
                DEFAULT_MAX_SUBSCRIBERS);
    }
}
