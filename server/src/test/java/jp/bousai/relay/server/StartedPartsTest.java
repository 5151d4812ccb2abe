package jp.bousai.relay.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.core.lifecycle.Lifecycle;
import org.junit.jupiter.api.Test;

/** The relay's long-lived parts start in the order listed and stop in the reverse order. */
class StartedPartsTest {

    private final List<String> events = new ArrayList<>();

    /** A part that records its start and stop and answers with the futures given. */
    private Lifecycle part(String name, Future<Void> startResult, Future<Void> stopResult) {
        return new AdaptedLifecycle(name, () -> {
            events.add("start " + name);
            return startResult;
        }, () -> {
            events.add("stop " + name);
            return stopResult;
        });
    }

    private Lifecycle part(String name) {
        return part(name, Future.succeededFuture(), Future.succeededFuture());
    }

    @Test
    void startsInOrderAndStopsInReverseOrder() {
        StartedParts started = StartedParts.start(List.of(part("channel"), part("outbox"), part("hub"))).result();
        assertThat(started.stop().succeeded()).isTrue();

        assertThat(events).containsExactly("start channel", "start outbox", "start hub",
                "stop hub", "stop outbox", "stop channel");
    }

    @Test
    void aPartThatFailsToStartStopsThoseStartedBeforeItAndTheNextNeverStart() {
        IllegalStateException refused = new IllegalStateException("broker refused the connection");
        Future<StartedParts> start = StartedParts.start(List.of(part("receivers"),
                part("channel", Future.failedFuture(refused), Future.succeededFuture()), part("outbox")));

        assertThat(start.failed()).isTrue();
        assertThat(start.cause()).isSameAs(refused);
        assertThat(events).containsExactly("start receivers", "start channel", "stop receivers");
    }

    @Test
    void eachPartStopsOnlyOnceTheOneStartedAfterItHasStopped() {
        Promise<Void> outboxStopping = Promise.promise();
        StartedParts started = StartedParts.start(List.of(part("channel"),
                part("outbox", Future.succeededFuture(), outboxStopping.future()))).result();

        Future<Void> stopped = started.stop();
        assertThat(events).containsExactly("start channel", "start outbox", "stop outbox");
        assertThat(stopped.isComplete()).isFalse();

        outboxStopping.complete();
        assertThat(events).endsWith("stop channel");
        assertThat(stopped.succeeded()).isTrue();
    }

    @Test
    void aPartThatFailsToStopDoesNotKeepTheOthersRunning() {
        StartedParts started = StartedParts.start(List.of(part("channel"),
                part("hub", Future.succeededFuture(), Future.failedFuture("connection reset")))).result();

        assertThat(started.stop().succeeded()).isTrue();
        assertThat(events).endsWith("stop hub", "stop channel");
    }
}
