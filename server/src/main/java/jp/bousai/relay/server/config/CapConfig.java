package jp.bousai.relay.server.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What CAP input and output need beyond the HTTP server's options.
 *
 * @param publicUrl the server's public base URL ({@code http.public-url}): CAP alerts link to
 *        {@code <publicUrl>/api/v1/advisories/<document id>} in their {@code web} element; by
 *        default {@code http://localhost:<http.port>}, which only this host can follow
 * @param publicUrlConfigured whether the URL was configured rather than defaulted
 * @param allowSha1Signatures whether signed CAP alerts may use SHA-1 ({@code cap.allow-sha1-signatures}, default false)
 */
public record CapConfig(String publicUrl, boolean publicUrlConfigured, boolean allowSha1Signatures) {

    public static final boolean DEFAULT_ALLOW_SHA1_SIGNATURES = false;

    /**
     * Reads {@code http.public-url} (defaulting to this host at {@code httpPort}) and the
     * {@code cap} section.
     */
    public static CapConfig from(ConfigSection http, ConfigSection cap, int httpPort) {
        String configured = http.string("public-url", null);
        boolean sha1 = cap.bool("allow-sha1-signatures", DEFAULT_ALLOW_SHA1_SIGNATURES);
        if (configured == null) {
            return new CapConfig("http://localhost:" + httpPort, false, sha1);
        }
        return new CapConfig(checked(http, configured), true, sha1);
    }

    private static String checked(ConfigSection http, String url) {
        String problem = "must be an absolute http or https URL without query or fragment, such as "
                + "https://bousai.example.jp, got '" + url + "'";
        try {
            URI uri = new URI(url);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw http.error("public-url", problem);
            }
        } catch (URISyntaxException e) {
            throw http.error("public-url", problem);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
