package jp.bousai.relay.feeds.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bousai.relay.core.area.AreaFilter;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.area.JisCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of one event loop, indexed by area so that an event finds its candidates
 * without scanning everyone. Only ever touched on that loop's thread.
 */
final class LoopSubscribers {

    private static final Logger LOG = LoggerFactory.getLogger(LoopSubscribers.class);

    private final Set<LiveSubscriber> everywhere = new LinkedHashSet<>();
    /** Subscribers of whole prefectures, by prefecture number. */
    private final Map<String, Set<LiveSubscriber>> byPrefecture = new HashMap<>();
    /** Subscribers of single municipalities, by municipality. */
    private final Map<JisCode, Set<LiveSubscriber>> byMunicipality = new HashMap<>();
    /** The same municipality subscribers, by their prefecture number: they want prefecture-wide events. */
    private final Map<String, Set<LiveSubscriber>> municipalitySubscribersByPrefecture = new HashMap<>();
    private final Set<LiveSubscriber> all = new HashSet<>();
    /** Subscribers that left during a dispatch (a cut-off); removed once it is over. */
    private final List<LiveSubscriber> leftDuringDispatch = new ArrayList<>();
    private boolean dispatching;

    void add(LiveSubscriber subscriber) {
        AreaFilter areas = subscriber.filter().areas();
        if (areas.isEverywhere()) {
            everywhere.add(subscriber);
        }
        for (String prefecture : areas.prefectures()) {
            byPrefecture.computeIfAbsent(prefecture, k -> new LinkedHashSet<>()).add(subscriber);
        }
        for (JisCode municipality : areas.municipalities()) {
            byMunicipality.computeIfAbsent(municipality, k -> new LinkedHashSet<>()).add(subscriber);
            municipalitySubscribersByPrefecture
                    .computeIfAbsent(municipality.prefectureNumber(), k -> new LinkedHashSet<>()).add(subscriber);
        }
        all.add(subscriber);
    }

    void remove(LiveSubscriber subscriber) {
        if (dispatching) {
            leftDuringDispatch.add(subscriber);
            return;
        }
        if (!all.remove(subscriber)) {
            return;
        }
        AreaFilter areas = subscriber.filter().areas();
        everywhere.remove(subscriber);
        for (String prefecture : areas.prefectures()) {
            removeFrom(byPrefecture, prefecture, subscriber);
        }
        for (JisCode municipality : areas.municipalities()) {
            removeFrom(byMunicipality, municipality, subscriber);
            removeFrom(municipalitySubscribersByPrefecture, municipality.prefectureNumber(), subscriber);
        }
    }

    int size() {
        return all.size();
    }

    /**
     * Hands the event to every subscriber whose filter matches it, without copying or allocating
     * per subscriber. A subscriber reached through two index entries (a filter with 13 and 131016)
     * is handed the event twice and writes it once: it never writes a sequence number at or below
     * its last. Subscribers that leave meanwhile are removed when the dispatch is over.
     */
    void dispatch(LiveEvent event) {
        dispatching = true;
        try {
            offer(everywhere, event);
            for (TargetArea area : event.record().advisory().areas()) {
                JisCode target = area.code();
                offer(byPrefecture.get(target.prefectureNumber()), event);
                offer(target.isPrefecture() ? municipalitySubscribersByPrefecture.get(target.prefectureNumber())
                        : byMunicipality.get(target), event);
            }
        } finally {
            dispatching = false;
            if (!leftDuringDispatch.isEmpty()) {
                List<LiveSubscriber> left = new ArrayList<>(leftDuringDispatch);
                leftDuringDispatch.clear();
                left.forEach(this::remove);
            }
        }
    }

    private static void offer(Set<LiveSubscriber> subscribers, LiveEvent event) {
        if (subscribers == null) {
            return;
        }
        for (LiveSubscriber subscriber : subscribers) {
            if (subscriber.filter().matches(event.record().advisory())) {
                try {
                    subscriber.onEvent(event);
                } catch (RuntimeException e) {
                    // One subscriber's failure must never keep the event from the others.
                    LOG.warn("[seq: {}] a subscriber failed to take an event", event.record().seq(), e);
                }
            }
        }
    }

    void heartbeat() {
        new ArrayList<>(all).forEach(LiveSubscriber::onHeartbeat);
    }

    private static <K> void removeFrom(Map<K, Set<LiveSubscriber>> index, K key, LiveSubscriber subscriber) {
        Set<LiveSubscriber> set = index.get(key);
        if (set != null && set.remove(subscriber) && set.isEmpty()) {
            index.remove(key);
        }
    }
}
