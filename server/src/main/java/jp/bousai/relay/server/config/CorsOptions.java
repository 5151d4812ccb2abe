package jp.bousai.relay.server.config;

import java.util.List;

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
    public static final CorsOptions DEFAULTS = new CorsOptions(DEFAULT_PUBLIC_ORIGINS, List.of());

    public CorsOptions {
        publicOrigins = List.copyOf(publicOrigins);
        authenticatedOrigins = List.copyOf(authenticatedOrigins);
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
