package jp.bousai.relay.server.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.channel.ChannelRoutes;
import jp.bousai.relay.core.log.AdvisoryFilter;

/**
 * The channels versions are queued for, each with the filter it wants; channels come and go as
 * receivers are added and removed. A channel routed after an append has committed sees only
 * later versions.
 */
public final class ChannelRouting implements ChannelRoutes {

    /** By channel, its filter; empty for a channel that takes every version. */
    private final Map<String, Optional<AdvisoryFilter>> channels = new ConcurrentHashMap<>();

    /** Routes every version to {@code channel}, drills included (MQTT, whose topics carry the mode). */
    public void routeAll(String channel) {
        channels.put(channel, Optional.empty());
    }

    /** Routes the versions {@code filter} matches to {@code channel}. */
    public void route(String channel, AdvisoryFilter filter) {
        channels.put(channel, Optional.of(filter));
    }

    public void unroute(String channel) {
        channels.remove(channel);
    }

    @Override
    public List<String> channelsFor(Advisory advisory) {
        List<String> wanted = new ArrayList<>(channels.size());
        channels.forEach((channel, filter) -> {
            if (filter.isEmpty() || filter.get().matches(advisory)) {
                wanted.add(channel);
            }
        });
        return wanted;
    }
}
