package jp.bousai.relay.adapters.cap;

import java.util.List;
import java.util.regex.Pattern;
import jp.bousai.relay.adapters.xml.PathTracker;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * The CAP 1.2 rules the schema cannot express, and what this server refuses to distribute.
 * Pointers are element paths, e.g. {@code /alert/info/area[2]/polygon}.
 */
final class CapRules {

    /** CAP identifiers and senders: no spaces, commas, {@code <} or {@code &}. */
    private static final Pattern IDENTIFIER = Pattern.compile("[^\\s,<&]+");
    /** A CAP date-time: seconds and an explicit offset (UTC is written -00:00, not Z). */
    static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
    private static final Pattern PAIR = Pattern.compile("(-?\\d+(\\.\\d+)?),(-?\\d+(\\.\\d+)?)");

    private CapRules() {
    }

    static void check(CapAlert alert, FieldErrors errors) {
        identifier(alert.identifier(), "/alert/identifier", errors);
        identifier(alert.sender(), "/alert/sender", errors);
        if ("Draft".equals(alert.status())) {
            errors.add("/alert/status", "Draft messages are not distributed; send Actual, Exercise, Test or System");
        }
        if ("Ack".equals(alert.msgType()) || "Error".equals(alert.msgType())) {
            errors.add("/alert/msgType", alert.msgType() + " messages answer other messages and are not "
                    + "distributed; send Alert, Update or Cancel");
        }
        scope(alert, errors);
        references(alert, errors);
        if (alert.infos().isEmpty() && !"Cancel".equals(alert.msgType())) {
            errors.add("/alert", "an " + alert.msgType() + " needs at least one info block");
        }
        for (CapAlert.Info info : alert.infos()) {
            for (CapAlert.Area area : info.areas()) {
                for (int i = 0; i < area.polygons().size(); i++) {
                    polygon(area.polygons().get(i), area.path() + "/" + PathTracker.step("polygon", i + 1), errors);
                }
                for (int i = 0; i < area.circles().size(); i++) {
                    circle(area.circles().get(i), area.path() + "/" + PathTracker.step("circle", i + 1), errors);
                }
            }
        }
    }

    private static void identifier(String value, String path, FieldErrors errors) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            errors.add(path, "must be non-empty without spaces, commas, '<' or '&', got '" + value + "'");
        }
    }

    private static void scope(CapAlert alert, FieldErrors errors) {
        boolean restricted = "Restricted".equals(alert.scope());
        boolean isPrivate = "Private".equals(alert.scope());
        if (alert.restriction() != null && !restricted) {
            errors.add("/alert/restriction", "restriction is only allowed with scope Restricted, scope is " + alert.scope());
        }
        if (restricted && alert.restriction() == null) {
            errors.add("/alert/restriction", "scope Restricted needs a restriction");
        }
        if (alert.addresses() != null && !isPrivate) {
            errors.add("/alert/addresses", "addresses are only allowed with scope Private, scope is " + alert.scope());
        }
        if (isPrivate && alert.addresses() == null) {
            errors.add("/alert/addresses", "scope Private needs addresses");
        }
    }

    private static void references(CapAlert alert, FieldErrors errors) {
        boolean needed = "Update".equals(alert.msgType()) || "Cancel".equals(alert.msgType());
        if (alert.references() == null) {
            if (needed) {
                errors.add("/alert/references", "an " + alert.msgType()
                        + " must reference the earlier messages of its chain (sender,identifier,sent ...)");
            }
            return;
        }
        List<String> entries = List.of(alert.references().trim().split("\\s+"));
        for (String entry : entries) {
            String[] parts = entry.split(",", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()
                    || !DATE_TIME.matcher(parts[2]).matches()) {
                errors.add("/alert/references", "each reference is sender,identifier,sent with sent like "
                        + "2026-09-01T10:00:00+09:00; got '" + entry + "'");
                return;
            }
        }
    }

    /** A polygon: at least four lat,lon pairs, the last equal to the first. */
    private static void polygon(String text, String path, FieldErrors errors) {
        String[] pairs = text.trim().split("\\s+");
        if (pairs.length < 4) {
            errors.add(path, "a polygon has at least 4 'lat,lon' pairs, got " + pairs.length);
            return;
        }
        for (String pair : pairs) {
            if (!validPoint(pair)) {
                errors.add(path, "'" + pair + "' is not a 'lat,lon' pair within -90..90, -180..180");
                return;
            }
        }
        if (!pairs[0].equals(pairs[pairs.length - 1])) {
            errors.add(path, "a polygon must close: its last pair must equal its first (" + pairs[0] + ")");
        }
    }

    /** A circle: 'lat,lon radius' with the radius in kilometres. */
    private static void circle(String text, String path, FieldErrors errors) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2 || !validPoint(parts[0]) || !parts[1].matches("\\d+(\\.\\d+)?")) {
            errors.add(path, "a circle is 'lat,lon radius' (radius in km, not negative), got '" + text + "'");
        }
    }

    static boolean validPoint(String pair) {
        var matcher = PAIR.matcher(pair);
        if (!matcher.matches()) {
            return false;
        }
        double lat = Double.parseDouble(matcher.group(1));
        double lon = Double.parseDouble(matcher.group(3));
        return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
    }
}
