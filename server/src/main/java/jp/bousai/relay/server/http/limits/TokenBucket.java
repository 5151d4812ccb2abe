package jp.bousai.relay.server.http.limits;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code rate} a second; each
 * request takes one. Thread-safe (a bucket is shared by every event loop).
 */
final class TokenBucket {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long refilledAt;

    TokenBucket(int rate, int burst, long nowNanos) {
        this.perNano = rate / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** Takes a token: 0 when one was there, else the nanoseconds until one will be. */
    synchronized long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }

    /** Whether the bucket has refilled completely: it is then the same as a new one, and may go. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    synchronized long refilledAt() {
        return refilledAt;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perNano);
            refilledAt = nowNanos;
        }
    }
}
