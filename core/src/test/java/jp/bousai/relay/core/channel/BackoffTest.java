package jp.bousai.relay.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static long[] nominalMillis(Backoff backoff, int attempts) {
        return IntStream.rangeClosed(1, attempts).mapToLong(a -> backoff.nominal(a).toMillis()).toArray();
    }

    @Test
    void deliveriesDoubleFromHalfASecondUpToThirtySeconds() {
        assertThat(nominalMillis(Backoff.DELIVERIES, 9))
                .containsExactly(500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000);
        assertThat(Backoff.DELIVERIES.nominal(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterSpreadsTwentyPercentEitherWay() {
        assertThat(Backoff.DELIVERIES.delayAfter(1, 0)).isEqualTo(Duration.ofMillis(400));
        assertThat(Backoff.DELIVERIES.delayAfter(1, 0.5)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.DELIVERIES.delayAfter(7, 0.999_999)).isEqualTo(Duration.ofMillis(35_999));
        for (int i = 0; i < 1_000; i++) {
            assertThat(Backoff.DELIVERIES.delayAfter(3).toMillis()).isBetween(1_600L, 2_400L);
        }
    }

    @Test
    void webSubPushesWaitOneTwoFourAndEightSecondsWithoutJitter() {
        assertThat(nominalMillis(Backoff.WEBSUB_PUSHES, 4)).containsExactly(1_000, 2_000, 4_000, 8_000);
        assertThat(Backoff.WEBSUB_PUSHES.delayAfter(4, 0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Backoff.WEBSUB_PUSHES.delayAfter(4, 0.999)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theMqttConnectionIsRetriedFromHalfASecondUpToThirtySeconds() {
        assertThat(nominalMillis(Backoff.MQTT_CONNECT, 8))
                .containsExactly(500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000);
        assertThat(Backoff.MQTT_CONNECT.delayAfter(2, 0.7)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aMultiplierOfThreeGrowsByThree() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 3, 0);
        assertThat(nominalMillis(backoff, 5)).containsExactly(100, 300, 900, 2_000, 2_000);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.DELIVERIES.nominal(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
