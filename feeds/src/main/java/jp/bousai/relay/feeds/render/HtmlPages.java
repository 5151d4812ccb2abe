package jp.bousai.relay.feeds.render;

import jp.bousai.relay.core.advisory.Advisory;

/**
 * Where people read a document on this server's web pages, for the {@code text/html} alternate
 * link of its feed entries. No pages exist yet ({@link #NONE}): feeds then link to no page, never
 * to one that would answer 404. The web pages (e.g. {@code /areas/{code}}) supply their own.
 */
@FunctionalInterface
public interface HtmlPages {

    /** No web pages: entries carry no {@code text/html} link. */
    HtmlPages NONE = advisory -> null;

    /**
     * The path (starting with {@code /}, query allowed, already URL-encoded) of the page that shows
     * {@code advisory}, or null when no page shows it.
     */
    String pathOf(Advisory advisory);
}
