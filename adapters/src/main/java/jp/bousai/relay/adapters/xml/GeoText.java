package jp.bousai.relay.adapters.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * Geometry written as text, as CAP and EDXL-DE write it: a polygon is space-separated
 * {@code lat,lon} pairs, at least four, the last equal to the first; a circle is
 * {@code lat,lon radius} with the radius in kilometres.
 */
public final class GeoText {

    private static final Pattern PAIR = Pattern.compile("(-?\\d+(?:\\.\\d+)?),(-?\\d+(?:\\.\\d+)?)");

    private GeoText() {
    }

    /** The polygon in {@code text}, or null with an error at {@code path}. */
    public static Geometry.Polygon polygon(String text, String path, FieldErrors errors) {
        String[] pairs = text.trim().split("\\s+");
        if (pairs.length < 4) {
            errors.add(path, "a polygon has at least 4 'lat,lon' pairs, got " + pairs.length);
            return null;
        }
        List<Geometry.LatLon> points = new ArrayList<>();
        for (String pair : pairs) {
            Geometry.LatLon point = point(pair);
            if (point == null) {
                errors.add(path, "'" + pair + "' is not a 'lat,lon' pair within -90..90, -180..180");
                return null;
            }
            points.add(point);
        }
        if (!points.get(0).equals(points.get(points.size() - 1))) {
            errors.add(path, "a polygon must close: its last pair must equal its first (" + pairs[0] + ")");
            return null;
        }
        return new Geometry.Polygon(points);
    }

    /** The circle in {@code text}, or null with an error at {@code path}. */
    public static Geometry.Circle circle(String text, String path, FieldErrors errors) {
        String[] parts = text.trim().split("\\s+");
        Geometry.LatLon centre = parts.length == 2 ? point(parts[0]) : null;
        if (centre == null || !parts[1].matches("\\d+(\\.\\d+)?")) {
            errors.add(path, "a circle is 'lat,lon radius' (radius in km, not negative), got '" + text + "'");
            return null;
        }
        return new Geometry.Circle(centre, Double.parseDouble(parts[1]));
    }

    private static Geometry.LatLon point(String pair) {
        Matcher matcher = PAIR.matcher(pair);
        if (!matcher.matches()) {
            return null;
        }
        double lat = Double.parseDouble(matcher.group(1));
        double lon = Double.parseDouble(matcher.group(2));
        return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 ? new Geometry.LatLon(lat, lon) : null;
    }
}
