package jp.bousai.relay.adapters.cap;

import java.util.List;
import java.util.regex.Pattern;
import jp.bousai.relay.adapters.xml.GeoText;
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
                    GeoText.polygon(area.polygons().get(i), area.path() + "/" + PathTracker.step("polygon", i + 1), errors);
                }
                for (int i = 0; i < area.circles().size(); i++) {
                    GeoText.circle(area.circles().get(i), area.path() + "/" + PathTracker.step("circle", i + 1), errors);
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
        if (isPrivate && alert.addresses() == null) {
            errors.add("/alert/addresses", "scope Private needs addresses");
        }
    }

    private static void references(CapAlert alert, FieldErrors errors) {
        boolean needed = "Update".equals(alert.msgType()) || "Cancel".equals(alert.msgType());
        if (alert.references() == null) {
            if (needed && !CapChain.namesDocument(alert.infos())) {
                errors.add("/alert/references", "an " + alert.msgType()
                        + " must reference the earlier messages of its chain (sender,identifier,sent ...) or name "
                        + "its document with parameter " + CapChain.DOCUMENT_ID);
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
}
