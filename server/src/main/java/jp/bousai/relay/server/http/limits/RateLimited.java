package jp.bousai.relay.server.http.limits;

import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;

/** A request refused by a rate limit: a {@code 429} with {@code Retry-After}. */
public final class RateLimited extends ProblemException {

    private final long retryAfterSeconds;

    RateLimited(String what, long retryAfterSeconds) {
        super(ProblemType.RATE_LIMITED, "too many requests for this " + what + "; retry after " + retryAfterSeconds
                + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until a request would be allowed (the {@code Retry-After} value). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
