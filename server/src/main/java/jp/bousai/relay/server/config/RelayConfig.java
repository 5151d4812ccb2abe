package jp.bousai.relay.server.config;

import java.util.List;
import jp.bousai.relay.feeds.sse.StreamOptions;
import jp.bousai.relay.server.store.StoreOptions;

/** The whole configuration, every part checked. */
public record RelayConfig(HttpOptions http, StoreOptions store, StreamOptions stream, List<ApiKeyConfig> apiKeys) {

    public RelayConfig {
        apiKeys = List.copyOf(apiKeys);
    }

    public RelayConfig withHttp(HttpOptions newHttp) {
        return new RelayConfig(newHttp, store, stream, apiKeys);
    }

    public RelayConfig withStore(StoreOptions newStore) {
        return new RelayConfig(http, newStore, stream, apiKeys);
    }
}
