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
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
