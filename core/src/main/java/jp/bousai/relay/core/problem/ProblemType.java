package jp.bousai.relay.core.problem;

/**
 * The kinds of failure a caller can meet, each with its HTTP status and the last segment of its
 * RFC 9457 {@code type} URI.
 */
public enum ProblemType {
    MALFORMED(400, "malformed", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Missing or unknown credentials"),
    FORBIDDEN(403, "forbidden", "Not allowed for this sender"),
    NOT_FOUND(404, "not-found", "Not found"),
    CONFLICT(409, "conflict", "Conflicts with what is stored"),
    TOO_LARGE(413, "too-large", "Request body too large"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No representation matches the Accept header"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported content type"),
    INVALID(422, "invalid-advisory", "The advisory has invalid fields"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    OVERLOADED(503, "overloaded", "Temporarily overloaded"),
    UNAVAILABLE(503, "unavailable", "Temporarily unavailable"),
    INTERNAL(500, "internal", "Internal error");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Whether the caller caused it (a 4xx), as opposed to the server. */
    public boolean isClientError() {
        return status < 500;
    }
}
