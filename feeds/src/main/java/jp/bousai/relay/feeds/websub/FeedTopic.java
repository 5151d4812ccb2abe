package jp.bousai.relay.feeds.websub;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.feeds.http.FilterParams;

/**
 * A topic of the hub: the absolute URL of one of this server's Atom feeds, with its filter
 * ({@code /feeds/atom}, {@code /feeds/cap.atom} or {@code /feeds/commons.atom}, any query).
 */
public record FeedTopic(String url, String baseUrl, OutboundFormat format, AdvisoryFilter filter) {

    private static final Map<String, OutboundFormat> FEEDS = Map.of("/feeds/atom", OutboundFormat.JSON,
            "/feeds/cap.atom", OutboundFormat.CAP, "/feeds/commons.atom", OutboundFormat.COMMONS);

    /**
     * @throws IllegalArgumentException naming what is wrong when {@code url} is not one of our feeds
     *         or its filter is invalid
     */
    public static FeedTopic parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("hub.topic is not a URL: " + e.getMessage());
        }
        OutboundFormat format = FEEDS.get(uri.getPath());
        if (uri.getScheme() == null || uri.getRawAuthority() == null || format == null) {
            throw new IllegalArgumentException("hub.topic must be the absolute URL of one of this server's feeds "
                    + FEEDS.keySet() + ", got '" + url + "'");
        }
        MultiMap params = MultiMap.caseInsensitiveMultiMap();
        new QueryStringDecoder(url).parameters().forEach(params::add);
        AdvisoryFilter filter;
        try {
            filter = FilterParams.parse(params);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("hub.topic's filter: " + e.getMessage());
        }
        return new FeedTopic(url, uri.getScheme() + "://" + uri.getRawAuthority(), format, filter);
    }
}
