package jp.bousai.relay.core.log;

import java.util.EnumSet;
import java.util.Set;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.area.AreaFilter;

/**
 * What a reader wants: areas, categories (empty: all) and modes. Modes are never empty, and
 * default to {@link Mode#ACTUAL} only: drills and tests reach only those who ask for them.
 */
public record AdvisoryFilter(AreaFilter areas, Set<Category> categories, Set<Mode> modes) {

    public static final AdvisoryFilter ACTUAL_EVERYWHERE =
            new AdvisoryFilter(AreaFilter.EVERYWHERE, Set.of(), Set.of(Mode.ACTUAL));

    public AdvisoryFilter {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        modes = modes.isEmpty() ? Set.of(Mode.ACTUAL) : Set.copyOf(EnumSet.copyOf(modes));
    }

    /** Whether the advisory is wanted; allocates nothing, as it runs for every subscriber of every event. */
    public boolean matches(Advisory advisory) {
        if (!modes.contains(advisory.mode()) || !(categories.isEmpty() || categories.contains(advisory.category()))) {
            return false;
        }
        for (TargetArea target : advisory.areas()) {
            if (areas.matches(target.code())) {
                return true;
            }
        }
        return false;
    }
}
