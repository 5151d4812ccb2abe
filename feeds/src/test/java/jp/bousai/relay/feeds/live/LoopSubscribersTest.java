package jp.bousai.relay.feeds.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.bousai.relay.adapters.json.AdvisoryJsonReader;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.area.AreaFilter;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.api.Test;

/** The per-loop area index: who gets an event, and that one failing subscriber never keeps it from the others. */
class LoopSubscribersTest {

    /** A subscriber recording what it was handed; {@code failing} ones throw, as a socket closed mid-dispatch did. */
    private static final class Recording implements LiveSubscriber {
        final AdvisoryFilter filter;
        final boolean failing;
        final List<Long> received = new ArrayList<>();

        Recording(String area, boolean failing) {
            this.filter = new AdvisoryFilter(area == null ? AreaFilter.EVERYWHERE : AreaFilter.parse(List.of(area)),
                    Set.of(), Set.of());
            this.failing = failing;
        }

        @Override
        public AdvisoryFilter filter() {
            return filter;
        }

        @Override
        public void onEvent(LiveEvent event) {
            if (failing) {
                throw new IllegalStateException("WebSocket is closed");
            }
            received.add(event.record().seq());
        }

        @Override
        public void onHeartbeat() {
        }
    }

    private static LiveEvent chiyodaOrder() throws Exception {
        FieldErrors errors = new FieldErrors();
        Advisory advisory = AdvisoryJsonReader.read(
                Files.readAllBytes(Path.of("..", "config", "examples", "evacuation-order.json")), errors);
        assertThat(errors.list()).isEmpty();
        return new LiveEvent(new AdvisoryRecord(7, advisory, "{}", Instant.now(), "json"), List.of(), 0);
    }

    @Test
    void theIndexFindsMunicipalityPrefectureAndNationwideSubscribersAndSkipsOthers() throws Exception {
        LoopSubscribers subscribers = new LoopSubscribers();
        Recording chiyoda = new Recording("131016", false);
        Recording tokyo = new Recording("13", false);
        Recording everywhere = new Recording(null, false);
        Recording osaka = new Recording("27", false);
        List.of(chiyoda, tokyo, everywhere, osaka).forEach(subscribers::add);
        subscribers.dispatch(chiyodaOrder());
        assertThat(List.of(chiyoda.received, tokyo.received, everywhere.received, osaka.received))
                .containsExactly(List.of(7L), List.of(7L), List.of(7L), List.of());
    }

    @Test
    void aFailingSubscriberDoesNotKeepTheEventFromTheOthers() throws Exception {
        LoopSubscribers subscribers = new LoopSubscribers();
        Recording first = new Recording("13", false);
        Recording failing = new Recording("13", true);
        Recording last = new Recording("13", false);
        List.of(first, failing, last).forEach(subscribers::add);
        subscribers.dispatch(chiyodaOrder());
        assertThat(first.received).containsExactly(7L);
        assertThat(last.received).containsExactly(7L);
    }

    @Test
    void subscribersWithEqualFiltersShareOneAndLeaveOneByOne() throws Exception {
        LoopSubscribers subscribers = new LoopSubscribers();
        Recording first = new Recording("13", false);
        Recording second = new Recording("13", false);
        assertThat(subscribers.shared(second.filter)).isSameAs(second.filter);
        subscribers.add(first);
        assertThat(subscribers.shared(second.filter)).as("an equal filter in use").isSameAs(first.filter);
        subscribers.add(second);
        subscribers.remove(first);
        subscribers.dispatch(chiyodaOrder());
        assertThat(first.received).isEmpty();
        assertThat(second.received).containsExactly(7L);
        subscribers.remove(second);
        assertThat(subscribers.size()).isZero();
        assertThat(subscribers.shared(first.filter)).as("the group left with its last member").isSameAs(first.filter);
    }
}
