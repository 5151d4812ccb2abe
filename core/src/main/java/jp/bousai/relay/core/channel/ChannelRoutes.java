package jp.bousai.relay.core.channel;

import java.util.List;
import jp.bousai.relay.core.advisory.Advisory;

/**
 * Which durable channels an accepted version is queued for. Asked once per version, inside the
 * append's transaction, on the store's writer thread: it must be quick and must not block.
 */
@FunctionalInterface
public interface ChannelRoutes {

    ChannelRoutes NONE = advisory -> List.of();

    List<String> channelsFor(Advisory advisory);
}
