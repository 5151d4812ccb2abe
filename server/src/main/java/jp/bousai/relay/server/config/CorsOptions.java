package jp.bousai.relay.server.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which web origins browsers may call the API from (CORS), and open WebSockets from.
 *
 * @param publicOrigins origins allowed on the public reads (streams, feeds, {@code GET}
 *        advisories); {@code *} allows any
 * @param authenticatedOrigins origins allowed on everything that takes credentials (ingest, admin,
 *        delivery receipts); none by default
 */
public record CorsOptions(List<String> publicOrigins, List<String> authenticatedOrigins) {

    public static final List<String> DEFAULT_PUBLIC_ORIGINS = List.of("*");
    public static final List<String> DEFAULT_AUTHENTICATED_ORIGINS = List.of();
    public static final CorsOptions DEFAULTS = new CorsOptions(DEFAULT_PUBLIC_ORIGINS, DEFAULT_AUTHENTICATED_ORIGINS);

    /** An origin as browsers send it: scheme, host and an optional port, nothing else. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?");

    public CorsOptions {
        publicOrigins = List.copyOf(publicOrigins);
        authenticatedOrigins = List.copyOf(authenticatedOrigins);
    }

    /** Reads {@code http.cors}: lists of origins, or comma-separated in the environment. */
    public static CorsOptions from(ConfigSection cors) {
        return new CorsOptions(origins(cors, "public-origins", DEFAULT_PUBLIC_ORIGINS),
                origins(cors, "authenticated-origins", DEFAULT_AUTHENTICATED_ORIGINS));
    }

    private static List<String> origins(ConfigSection cors, String name, List<String> defaults) {
        List<String> origins = cors.list(name, defaults);
        for (String origin : origins) {
            if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
                throw cors.error(name, "an origin is * or scheme://host[:port] without a path, got '" + origin + "'");
            }
        }
        return origins;
    }

    public boolean allowsPublic(String origin) {
        return allows(publicOrigins, origin);
    }

    public boolean allowsAuthenticated(String origin) {
        return allows(authenticatedOrigins, origin);
    }

    /** Whether the public reads may be called from any origin (answered with {@code *}). */
    public boolean publicToAny() {
        return publicOrigins.contains("*");
    }

    private static boolean allows(List<String> origins, String origin) {
        return origins.contains("*") || origins.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(origin));
    }
}
