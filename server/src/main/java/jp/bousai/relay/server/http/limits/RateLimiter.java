package jp.bousai.relay.server.http.limits;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets by a caller's identity (an API key id, a SOAP user, a client address), with
 * bounded memory: a bucket that has refilled is the same as a new one, so it is dropped when the
 * map is swept (at least every {@link #SWEEP_EVERY_NANOS}, and whenever it outgrows its bound).
 * If every bucket is in use past the bound, the longest idle go first.
 */
final class RateLimiter {

    static final long SWEEP_EVERY_NANOS = 60_000_000_000L;

    private final int rate;
    private final int burst;
    private final int maxBuckets;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong sweptAt;

    RateLimiter(int rate, int burst, int maxBuckets, LongSupplier nanoTime) {
        this.rate = rate;
        this.burst = burst;
        this.maxBuckets = maxBuckets;
        this.nanoTime = nanoTime;
        this.sweptAt = new AtomicLong(nanoTime.getAsLong());
    }

    /** Takes a token for {@code id}: 0 when allowed, else the whole seconds to wait (at least 1). */
    long acquire(String id) {
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(id, key -> new TokenBucket(rate, burst, now));
        long waitNanos = bucket.take(now);
        long swept = sweptAt.get();
        if ((buckets.size() > maxBuckets || now - swept > SWEEP_EVERY_NANOS) && sweptAt.compareAndSet(swept, now)) {
            sweep(now);
        }
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Buckets held now. */
    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        int excess = buckets.size() - maxBuckets;
        if (excess > 0) {
            buckets.entrySet().stream()
                    .sorted(Comparator.comparingLong(entry -> entry.getValue().refilledAt()))
                    .limit(excess + maxBuckets / 10)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(buckets::remove);
        }
    }
}
