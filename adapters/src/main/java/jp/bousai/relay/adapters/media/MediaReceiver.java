package jp.bousai.relay.adapters.media;

import java.net.URI;
import java.time.Duration;
import jp.bousai.relay.core.log.AdvisoryFilter;

/**
 * A media receiver: where and how to deliver, and what it wants. {@code secret} signs webhooks;
 * {@code username} and {@code password} are the SOAP UsernameToken's. Its outbox channel is
 * {@link #channel()}.
 */
public record MediaReceiver(String id, String name, URI url, ReceiverProtocol protocol, AdvisoryFilter filter,
                            String secret, String username, String password, int maxInFlight, Duration timeout) {

    public static final String CHANNEL_PREFIX = "receiver:";

    public String channel() {
        return CHANNEL_PREFIX + id;
    }
}
