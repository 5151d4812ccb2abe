package jp.bousai.relay.feeds.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.adapters.OutboundFormat;
import jp.bousai.relay.core.advisory.Advisory;

/**
 * The {@code alternate} links of a feed entry: the document in the feed's format, always with an
 * explicit {@code ?format=} (a browser's {@code Accept} header would otherwise pick XML over JSON),
 * and a {@code text/html} page for people when {@link HtmlPages} names one.
 */
public final class EntryLinks {

    /** One {@code atom:link}. */
    public record Link(String rel, String type, String href) {
    }

    private final String baseUrl;
    private final OutboundFormat format;
    private final HtmlPages pages;

    /**
     * @param baseUrl the server's scheme and authority, e.g. {@code http://host:8080}
     * @param format what the machine-readable link gives
     * @param pages the web pages people read documents on ({@link HtmlPages#NONE} while there are none)
     */
    public EntryLinks(String baseUrl, OutboundFormat format, HtmlPages pages) {
        this.baseUrl = baseUrl;
        this.format = format;
        this.pages = pages;
    }

    /** The document's URL in {@code format}, e.g. {@code …/api/v1/advisories/D?format=json}. */
    public static String documentUrl(String baseUrl, String documentId, OutboundFormat format) {
        return baseUrl + "/api/v1/advisories/" + URLEncoder.encode(documentId, StandardCharsets.UTF_8)
                + "?format=" + format.wireName();
    }

    /** The entry's alternate links: the document in the feed's format, then its page when there is one. */
    public List<Link> of(Advisory advisory) {
        List<Link> links = new ArrayList<>(2);
        links.add(new Link("alternate", format.mediaType(), documentUrl(baseUrl, advisory.documentId(), format)));
        String page = pages.pathOf(advisory);
        if (page != null) {
            links.add(new Link("alternate", "text/html", baseUrl + page));
        }
        return links;
    }
}
