package jp.bousai.relay.core.advisory;

import java.util.List;

/** Where a sub-area or a shelter lies: a circle (a point with a radius) or a polygon. */
public sealed interface Geometry {

    /** A point with a radius in kilometres (0 for a bare point), as CAP's {@code circle}. */
    record Circle(LatLon centre, double radiusKm) implements Geometry {
    }

    /** A closed ring: the last point equals the first, at least four points. */
    record Polygon(List<LatLon> points) implements Geometry {
        public Polygon {
            points = List.copyOf(points);
        }
    }

    /** WGS 84 latitude and longitude in degrees. */
    record LatLon(double lat, double lon) {
    }
}
