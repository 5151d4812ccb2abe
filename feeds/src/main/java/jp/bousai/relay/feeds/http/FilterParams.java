package jp.bousai.relay.feeds.http;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.area.AreaFilter;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;

/**
 * Reads a filter from query parameters, the same for every feed and stream: {@code area}
 * (prefecture number or JIS code), {@code category} and {@code mode}, each repeatable or
 * comma-separated. Without {@code mode}, only Actual advisories are selected.
 */
public final class FilterParams {

    public static final int MAX_VALUES = 200;
    /** The filter parameters every feed and stream takes. */
    public static final List<String> FILTER_NAMES = List.of("area", "category", "mode");

    private FilterParams() {
    }

    /** @throws ProblemException {@code MALFORMED}, naming the parameter and the value */
    public static AdvisoryFilter parse(MultiMap params) {
        AreaFilter areas;
        try {
            areas = AreaFilter.parse(values(params, "area"));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.MALFORMED, "query parameter 'area': " + e.getMessage());
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String value : values(params, "category")) {
            categories.add(lookup(Category.class, "category", value));
        }
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        for (String value : values(params, "mode")) {
            modes.add(lookup(Mode.class, "mode", value));
        }
        return new AdvisoryFilter(areas, categories, modes);
    }

    /**
     * Refuses a parameter the endpoint does not take (a typo such as {@code are=13} would
     * otherwise silently widen the filter to everything).
     *
     * @param filters whether the endpoint takes the filter parameters
     * @param others the endpoint's other parameters
     * @throws ProblemException {@code MALFORMED}, naming the first unknown parameter and those allowed
     */
    public static void requireKnown(MultiMap params, boolean filters, String... others) {
        List<String> allowed = new ArrayList<>(filters ? FILTER_NAMES : List.of());
        allowed.addAll(List.of(others));
        for (String name : params.names()) {
            if (!allowed.contains(name)) {
                throw new ProblemException(ProblemType.MALFORMED, "unknown query parameter '" + name + "'; "
                        + (allowed.isEmpty() ? "this endpoint takes none" : "allowed: " + String.join(", ", allowed)));
            }
        }
    }

    /** A non-negative sequence number from a parameter or header value; null when absent. */
    public static Long sequenceNumber(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(value.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(ProblemType.MALFORMED, name + " must be a sequence number (0 or more), got '"
                + value + "'");
    }

    /** A page size from the {@code limit} parameter: {@code defaultLimit} when absent, at most {@code maxLimit}. */
    public static int limit(MultiMap params, int defaultLimit, int maxLimit) {
        String value = params.get("limit");
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(ProblemType.MALFORMED, "query parameter 'limit' must be 1 to " + maxLimit
                + ", got '" + value + "'");
    }

    /** A true/false flag; absent is false. */
    public static boolean flag(MultiMap params, String name) {
        String value = params.get(name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ProblemException(ProblemType.MALFORMED, "query parameter '" + name + "' must be true or false, got '"
                + value + "'");
    }

    private static List<String> values(MultiMap params, String name) {
        List<String> values = new ArrayList<>();
        for (String raw : params.getAll(name)) {
            for (String value : raw.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.trim());
                }
            }
        }
        if (values.size() > MAX_VALUES) {
            throw new ProblemException(ProblemType.MALFORMED, "query parameter '" + name + "' has " + values.size()
                    + " values; at most " + MAX_VALUES);
        }
        return values;
    }

    private static <E extends Enum<E> & WireNamed> E lookup(Class<E> type, String name, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new ProblemException(ProblemType.MALFORMED, "query parameter '" + name + "': '" + value
                + "' is not one of " + WireNamed.list(type));
    }
}
