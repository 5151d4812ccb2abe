package jp.bousai.relay.adapters.webpush;

import java.time.Duration;

/**
 * What the push-service stand-in answers a push that passed its checks: 201 (accepted), 404 or
 * 410 (the subscription is gone), 429 with a {@code Retry-After}, or a 5xx.
 */
public record StandInAnswer(int status, Duration retryAfter) {

    public static StandInAnswer created() {
        return new StandInAnswer(201, null);
    }

    public static StandInAnswer notFound() {
        return new StandInAnswer(404, null);
    }

    public static StandInAnswer gone() {
        return new StandInAnswer(410, null);
    }

    public static StandInAnswer tooManyRequests(Duration retryAfter) {
        return new StandInAnswer(429, retryAfter);
    }

    public static StandInAnswer serverError(int status, Duration retryAfter) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error is 5xx: " + status);
        }
        return new StandInAnswer(status, retryAfter);
    }

    boolean accepts() {
        return status == 201;
    }
}
