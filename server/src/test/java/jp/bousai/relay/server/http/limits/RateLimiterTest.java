package jp.bousai.relay.server.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The token buckets on a clock the test moves. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void allowsTheBurstThenTheRateAndSaysWhenToRetry() {
        RateLimiter limiter = new RateLimiter(2, 3, 100, now::get);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).as("over the burst: retry after 1 s").isEqualTo(1);
        assertThat(limiter.acquire("b")).as("another caller has its own bucket").isZero();
        now.addAndGet(SECOND / 2);
        assertThat(limiter.acquire("a")).as("one token refilled at 2 a second").isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
    }

    @Test
    void forgetsIdleCallersSoThatManyAddressesTakeBoundedMemory() {
        RateLimiter limiter = new RateLimiter(10, 10, 100, now::get);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("10.0.0." + i);
        }
        now.addAndGet(2 * SECOND);
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("10.1." + i / 256 + "." + i % 256);
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(101);
    }

    @Test
    void aForgottenCallerStartsWithAFullBucketOnlyIfItHadRefilled() {
        RateLimiter limiter = new RateLimiter(1, 2, 100, now::get);
        limiter.acquire("busy");
        limiter.acquire("busy");
        now.addAndGet(RateLimiter.SWEEP_EVERY_NANOS + 1);
        limiter.acquire("other");
        assertThat(limiter.size()).as("the busy caller's bucket had refilled and was dropped").isEqualTo(1);
    }
}
