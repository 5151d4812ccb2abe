package jp.bousai.relay.core.area;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which areas a subscriber or a query wants: whole prefectures (by two-digit number) and single
 * municipalities. An empty filter wants everything. An advisory matches when one of its target
 * areas lies in a wanted prefecture or is a wanted municipality; an advisory for a whole
 * prefecture also matches a subscriber of any municipality in it.
 */
public record AreaFilter(Set<String> prefectures, Set<JisCode> municipalities) {

    public static final AreaFilter EVERYWHERE = new AreaFilter(Set.of(), Set.of());

    public AreaFilter {
        prefectures = Set.copyOf(prefectures);
        municipalities = Set.copyOf(municipalities);
    }

    /**
     * Parses filter values as given in a query: {@code 13} (a prefecture number), {@code 130001}
     * (a prefecture's code) or {@code 131016} (a municipality's code).
     *
     * @throws IllegalArgumentException naming the first value that is neither
     */
    public static AreaFilter parse(Collection<String> values) {
        Set<String> prefectures = new TreeSet<>();
        Set<JisCode> municipalities = new TreeSet<>();
        for (String raw : values) {
            String value = raw.trim();
            if (value.matches("\\d{2}")) {
                int number = Integer.parseInt(value);
                if (number < 1 || number > 47) {
                    throw new IllegalArgumentException("area '" + value + "': prefecture numbers are 01–47");
                }
                prefectures.add(value);
                continue;
            }
            String problem = JisCode.problemWith(value);
            if (problem != null) {
                throw new IllegalArgumentException("area '" + value
                        + "' is neither a prefecture number (13) nor a JIS X 0402 code (131016): " + problem);
            }
            JisCode code = JisCode.parse(value);
            if (code.isPrefecture()) {
                prefectures.add(code.prefectureNumber());
            } else {
                municipalities.add(code);
            }
        }
        return new AreaFilter(prefectures, municipalities);
    }

    public boolean isEverywhere() {
        return prefectures.isEmpty() && municipalities.isEmpty();
    }

    public boolean matches(Collection<JisCode> targets) {
        if (isEverywhere()) {
            return true;
        }
        for (JisCode target : targets) {
            if (matches(target)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one target area is wanted (no allocation: this runs for every subscriber of every event). */
    public boolean matches(JisCode target) {
        if (isEverywhere()) {
            return true;
        }
        if (prefectures.contains(target.prefectureNumber()) || municipalities.contains(target)) {
            return true;
        }
        if (target.isPrefecture()) {
            for (JisCode municipality : municipalities) {
                if (target.covers(municipality)) {
                    return true;
                }
            }
        }
        return false;
    }
}
