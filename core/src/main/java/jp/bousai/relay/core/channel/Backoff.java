package jp.bousai.relay.core.channel;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again after failed attempts: {@link #initial()} after the first,
 * multiplied by {@link #multiplier()} after each further one up to {@link #max()}, then spread by
 * ±{@link #jitter()} (a fraction) so that many waiting parts do not all retry at the same instant.
 * One value type for every retry in the relay (outbox deliveries, WebSub pushes, the MQTT
 * connection), so that each policy is stated once, here, and reads the same way.
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** Outbox deliveries (MQTT, media receivers): 0.5 s doubling up to 30 s, ±20 %. */
    public static final Backoff DELIVERIES = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2, 0.2);
    /** WebSub pushes: 1 s doubling (1, 2, 4, 8 s between five attempts), without jitter. */
    public static final Backoff WEBSUB_PUSHES = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2, 0);
    /** Connecting to an MQTT broker: 0.5 s doubling up to 30 s, without jitter. */
    public static final Backoff MQTT_CONNECT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2, 0);

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        if (!(multiplier >= 1) || !(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("a backoff needs multiplier >= 1 and 0 <= jitter < 1, got "
                    + multiplier + " and " + jitter);
        }
    }

    /** The delay after {@code attempts} failed attempts (at least 1), before jitter. */
    public Duration nominal(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        double millis = initial.toMillis() * Math.pow(multiplier, attempts - 1);
        return Duration.ofMillis((long) Math.min(millis, max.toMillis()));
    }

    /** The delay after {@code attempts} failed attempts, with a random jitter. */
    public Duration delayAfter(int attempts) {
        return delayAfter(attempts, ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The delay after {@code attempts} failed attempts for a given draw: {@code random} in [0, 1)
     * spreads the nominal delay over [1 - jitter, 1 + jitter) times itself.
     */
    public Duration delayAfter(int attempts, double random) {
        double spread = 1 - jitter + 2 * jitter * random;
        return Duration.ofMillis((long) (nominal(attempts).toMillis() * spread));
    }
}
