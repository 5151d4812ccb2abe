package jp.bousai.relay.adapters.webpush;

import java.time.Duration;
import java.time.Instant;
import jp.bousai.relay.core.advisory.Advisory;

/**
 * How long a push service keeps a message for a phone that is offline (RFC 8030 {@code TTL}, in
 * seconds): until the advisory's {@code validUntil}, never longer than {@code max}; {@code
 * defaultTtl} when the advisory has no end (an order stands until lifted, and the lifting
 * replaces it by {@link PushTopic}). An advisory already past its validity gets 0: delivered to a
 * phone that is online now, or not at all.
 */
public record PushTtl(Duration defaultTtl, Duration max) {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_MAX = Duration.ofHours(72);

    public PushTtl {
        if (max == null || max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("push.ttl.max must be positive, got: " + max);
        }
        if (defaultTtl == null || defaultTtl.isNegative() || defaultTtl.compareTo(max) > 0) {
            throw new IllegalArgumentException("push.ttl.default must be between 0 and push.ttl.max, got: " + defaultTtl);
        }
    }

    public static PushTtl defaults() {
        return new PushTtl(DEFAULT_TTL, DEFAULT_MAX);
    }

    /** The TTL in whole seconds for {@code advisory} sent at {@code now}. */
    public long seconds(Advisory advisory, Instant now) {
        if (advisory.validUntil() == null) {
            return defaultTtl.toSeconds();
        }
        long left = Duration.between(now, advisory.validUntil().toInstant()).toSeconds();
        return Math.max(0, Math.min(left, max.toSeconds()));
    }
}
