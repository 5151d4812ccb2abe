package jp.bousai.relay.server.config;

import java.time.Duration;
import java.util.List;
import jp.bousai.relay.adapters.media.MediaReceiver;
import jp.bousai.relay.feeds.stream.StreamOptions;
import jp.bousai.relay.server.store.StoreOptions;

/**
 * The whole configuration, every part checked.
 *
 * @param soapCreatedWindow how far a WS-Security {@code Created} may be from now, either way
 * @param limits rate limits and connection bounds
 * @param edge TLS, CORS, proxies and shutdown of the HTTP server
 * @param receiverPrivateAddresses whether the admin API takes receivers at loopback, private,
 *                                 link-local or metadata addresses
 */
public record RelayConfig(HttpOptions http, StoreOptions store, StreamOptions stream, List<ApiKeyConfig> apiKeys,
                          List<SoapUserConfig> soapUsers, Duration soapCreatedWindow, MqttConfig mqtt,
                          List<AdminKeyConfig> adminKeys, List<MediaReceiver> receivers, CapConfig cap,
                          LimitsOptions limits, EdgeOptions edge, boolean receiverPrivateAddresses) {

    public static final Duration DEFAULT_SOAP_CREATED_WINDOW = Duration.ofMinutes(5);
    public static final boolean DEFAULT_RECEIVER_PRIVATE_ADDRESSES = false;

    public RelayConfig {
        apiKeys = List.copyOf(apiKeys);
        soapUsers = List.copyOf(soapUsers);
        adminKeys = List.copyOf(adminKeys);
        receivers = List.copyOf(receivers);
    }

    /** Whether nobody can issue: no API keys and no SOAP users. */
    public boolean ingestClosed() {
        return apiKeys.isEmpty() && soapUsers.isEmpty();
    }

    public RelayConfig withApiKeys(List<ApiKeyConfig> newKeys) {
        return new RelayConfig(http, store, stream, newKeys, soapUsers, soapCreatedWindow, mqtt, adminKeys, receivers,
                cap, limits, edge, receiverPrivateAddresses);
    }
}
