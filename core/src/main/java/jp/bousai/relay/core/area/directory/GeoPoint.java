package jp.bousai.relay.core.area.directory;

/** A point in degrees (JGD2011, which is WGS 84 to within a metre). */
public record GeoPoint(double lat, double lon) {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a point: lat " + lat + ", lon " + lon);
        }
    }

    static GeoPoint ofMicroDegrees(int lat, int lon) {
        return new GeoPoint(lat / 1e6, lon / 1e6);
    }

    /** Great-circle distance (haversine). */
    public double distanceMeters(GeoPoint other) {
        return distanceMeters(lat, lon, other.lat, other.lon);
    }

    /** From this point to one given in micro-degrees, without making a point of it. */
    double distanceMeters(int otherLatMicro, int otherLonMicro) {
        return distanceMeters(lat, lon, otherLatMicro / 1e6, otherLonMicro / 1e6);
    }

    private static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double sinLat = Math.sin(Math.toRadians(lat2 - lat1) / 2);
        double sinLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double a = sinLat * sinLat + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * sinLon * sinLon;
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
