package jp.bousai.relay.adapters.cap;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.bousai.relay.adapters.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A checker for the CAP profile that public-alert aggregators (Google Public Alerts) apply on top
 * of CAP 1.2, written from their published rules: the alert is schema-valid CAP 1.2; times carry
 * an explicit offset (never {@code Z}); identifier and sender have no spaces or commas; an Update
 * or Cancel references earlier alerts as {@code sender,identifier,sent}; every info has a
 * language, a headline, a description, a {@code web} link that is an absolute http(s) URL and at
 * least one area; every area has an areaDesc and a geocode, a polygon or a circle; polygons close
 * and have at least four points; expires, when given, is after sent. Returns every violation.
 */
public final class PublicAlertsProfile {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
    private static final Pattern NO_SPACE_OR_COMMA = Pattern.compile("[^\\s,<&]+");

    private PublicAlertsProfile() {
    }

    /** Every way {@code cap} breaks the profile; empty when it passes. */
    public static List<String> violations(String cap) {
        Document document = SafeXml.parse(cap.getBytes(StandardCharsets.UTF_8), CapFormat.SCHEMA);
        Element alert = document.getDocumentElement();
        List<String> violations = new ArrayList<>();
        String sent = text(alert, "sent");
        requireTime(sent, "alert/sent", violations);
        require(NO_SPACE_OR_COMMA.matcher(String.valueOf(text(alert, "identifier"))).matches(),
                "alert/identifier has a space or comma", violations);
        require(NO_SPACE_OR_COMMA.matcher(String.valueOf(text(alert, "sender"))).matches(),
                "alert/sender has a space or comma", violations);
        String msgType = text(alert, "msgType");
        if ("Update".equals(msgType) || "Cancel".equals(msgType)) {
            String references = text(alert, "references");
            require(references != null && !references.isBlank(), "an " + msgType + " has no references", violations);
            for (String reference : references == null ? new String[0] : references.trim().split("\\s+")) {
                String[] parts = reference.split(",", -1);
                require(parts.length == 3 && TIME.matcher(parts[2]).matches(),
                        "reference '" + reference + "' is not sender,identifier,sent", violations);
            }
        }
        List<Element> infos = CapReader.children(alert, "info");
        require(!infos.isEmpty() || "Cancel".equals(msgType), "the alert has no info", violations);
        for (int i = 0; i < infos.size(); i++) {
            info(infos.get(i), "info[" + (i + 1) + "]", sent, violations);
        }
        return violations;
    }

    private static void info(Element info, String path, String sent, List<String> violations) {
        for (String required : List.of("language", "headline", "description", "web")) {
            String value = text(info, required);
            require(value != null && !value.isBlank(), path + " has no " + required, violations);
        }
        String web = text(info, "web");
        if (web != null) {
            require(isAbsoluteWebUrl(web), path + "/web '" + web + "' is not an absolute http(s) URL", violations);
        }
        for (String time : List.of("effective", "onset", "expires")) {
            if (text(info, time) != null) {
                requireTime(text(info, time), path + "/" + time, violations);
            }
        }
        String expires = text(info, "expires");
        if (expires != null && sent != null && TIME.matcher(expires).matches() && TIME.matcher(sent).matches()) {
            require(java.time.OffsetDateTime.parse(expires).isAfter(java.time.OffsetDateTime.parse(sent)),
                    path + "/expires is not after sent", violations);
        }
        List<Element> areas = CapReader.children(info, "area");
        require(!areas.isEmpty(), path + " has no area", violations);
        for (int i = 0; i < areas.size(); i++) {
            area(areas.get(i), path + "/area[" + (i + 1) + "]", violations);
        }
    }

    private static void area(Element area, String path, List<String> violations) {
        String description = text(area, "areaDesc");
        require(description != null && !description.isBlank(), path + " has no areaDesc", violations);
        List<Element> polygons = CapReader.children(area, "polygon");
        boolean located = !polygons.isEmpty() || !CapReader.children(area, "circle").isEmpty()
                || !CapReader.children(area, "geocode").isEmpty();
        require(located, path + " has neither a geocode nor a polygon or circle", violations);
        for (Element polygon : polygons) {
            String[] points = polygon.getTextContent().trim().split("\\s+");
            require(points.length >= 4 && points[0].equals(points[points.length - 1]),
                    path + "/polygon does not close with at least four points", violations);
        }
        for (Element geocode : CapReader.children(area, "geocode")) {
            require(text(geocode, "valueName") != null && text(geocode, "value") != null,
                    path + "/geocode lacks valueName or value", violations);
        }
    }

    private static boolean isAbsoluteWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void requireTime(String value, String path, List<String> violations) {
        require(value != null && TIME.matcher(value).matches(), path + " '" + value
                + "' is not a date-time with seconds and an explicit offset", violations);
    }

    private static void require(boolean holds, String violation, List<String> violations) {
        if (!holds) {
            violations.add(violation);
        }
    }

    private static String text(Element parent, String name) {
        List<Element> found = CapReader.children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }
}
