package jp.bousai.relay.feeds.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.area.AreaFilter;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.log.AdvisoryFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of one event loop. Subscribers with equal filters form a group, so that an
 * event is matched once per filter, not once per subscriber; the groups are indexed by area, so
 * that an event finds its candidates without scanning everyone. Only ever touched on that loop's
 * thread.
 */
final class LoopSubscribers {

    private static final Logger LOG = LoggerFactory.getLogger(LoopSubscribers.class);

    /** Subscribers whose filters are equal, and that filter. */
    private static final class Group {
        final AdvisoryFilter filter;
        final Set<LiveSubscriber> members = new LinkedHashSet<>();

        Group(AdvisoryFilter filter) {
            this.filter = filter;
        }
    }

    private final Map<AdvisoryFilter, Group> groups = new HashMap<>();
    private final Set<Group> everywhere = new LinkedHashSet<>();
    /** Groups following whole prefectures, by prefecture number. */
    private final Map<String, Set<Group>> byPrefecture = new HashMap<>();
    /** Groups following single municipalities, by municipality. */
    private final Map<JisCode, Set<Group>> byMunicipality = new HashMap<>();
    /** The same municipality groups, by their prefecture number: they want prefecture-wide events. */
    private final Map<String, Set<Group>> municipalityGroupsByPrefecture = new HashMap<>();
    /** Subscribers that left during a dispatch (a cut-off); removed once it is over. */
    private final List<LiveSubscriber> leftDuringDispatch = new ArrayList<>();
    private int size;
    private boolean dispatching;

    /**
     * The filter of this loop's group equal to {@code filter}, or {@code filter} itself: subscribers
     * that use it share one filter object instead of holding a copy each.
     */
    AdvisoryFilter shared(AdvisoryFilter filter) {
        Group group = groups.get(filter);
        return group == null ? filter : group.filter;
    }

    void add(LiveSubscriber subscriber) {
        Group group = groups.get(subscriber.filter());
        if (group == null) {
            group = new Group(subscriber.filter());
            groups.put(group.filter, group);
            index(group);
        }
        if (group.members.add(subscriber)) {
            size++;
        }
    }

    void remove(LiveSubscriber subscriber) {
        if (dispatching) {
            leftDuringDispatch.add(subscriber);
            return;
        }
        Group group = groups.get(subscriber.filter());
        if (group == null || !group.members.remove(subscriber)) {
            return;
        }
        size--;
        if (group.members.isEmpty()) {
            groups.remove(group.filter);
            unindex(group);
        }
    }

    int size() {
        return size;
    }

    /**
     * Hands the event to every subscriber whose filter matches it, without copying or allocating
     * per subscriber. A group reached through two index entries (a filter with 13 and 131016) is
     * handed the event twice and each subscriber writes it once: it never writes a sequence number
     * at or below its last. Subscribers that leave meanwhile are removed when the dispatch is over.
     */
    void dispatch(LiveEvent event) {
        dispatching = true;
        try {
            offer(everywhere, event);
            for (TargetArea area : event.record().advisory().areas()) {
                JisCode target = area.code();
                offer(byPrefecture.get(target.prefectureNumber()), event);
                offer(target.isPrefecture() ? municipalityGroupsByPrefecture.get(target.prefectureNumber())
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

    private static void offer(Collection<Group> candidates, LiveEvent event) {
        if (candidates == null) {
            return;
        }
        for (Group group : candidates) {
            if (!group.filter.matches(event.record().advisory())) {
                continue;
            }
            for (LiveSubscriber subscriber : group.members) {
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
        List<LiveSubscriber> all = new ArrayList<>(size);
        groups.values().forEach(group -> all.addAll(group.members));
        all.forEach(LiveSubscriber::onHeartbeat);
    }

    private void index(Group group) {
        AreaFilter areas = group.filter.areas();
        if (areas.isEverywhere()) {
            everywhere.add(group);
        }
        for (String prefecture : areas.prefectures()) {
            byPrefecture.computeIfAbsent(prefecture, k -> new LinkedHashSet<>()).add(group);
        }
        for (JisCode municipality : areas.municipalities()) {
            byMunicipality.computeIfAbsent(municipality, k -> new LinkedHashSet<>()).add(group);
            municipalityGroupsByPrefecture
                    .computeIfAbsent(municipality.prefectureNumber(), k -> new LinkedHashSet<>()).add(group);
        }
    }

    private void unindex(Group group) {
        AreaFilter areas = group.filter.areas();
        everywhere.remove(group);
        for (String prefecture : areas.prefectures()) {
            removeFrom(byPrefecture, prefecture, group);
        }
        for (JisCode municipality : areas.municipalities()) {
            removeFrom(byMunicipality, municipality, group);
            removeFrom(municipalityGroupsByPrefecture, municipality.prefectureNumber(), group);
        }
    }

    private static <K> void removeFrom(Map<K, Set<Group>> index, K key, Group group) {
        Set<Group> set = index.get(key);
        if (set != null && set.remove(group) && set.isEmpty()) {
            index.remove(key);
        }
    }
}
