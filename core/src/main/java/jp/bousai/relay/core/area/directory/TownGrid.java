package jp.bousai.relay.core.area.directory;

import java.util.Arrays;

/**
 * A fixed grid over the towns' points for nearest-town queries: cells of {@value #CELL_DEGREES}°
 * (about 2 km), searched ring by ring outwards from the query's cell until no unseen cell can
 * hold a nearer point.
 */
final class TownGrid {

    static final double CELL_DEGREES = 0.02;
    private static final double METERS_PER_DEGREE = 111_195;
    private static final int LON_BITS = 16;

    private final TownTable towns;
    private final int[] cellKeys;
    private final int[] cellStarts;
    private final int[] rows;

    TownGrid(TownTable towns) {
        this.towns = towns;
        long[] keyed = new long[towns.size];
        int count = 0;
        for (int row = 0; row < towns.size; row++) {
            if (towns.hasPoint(row)) {
                keyed[count++] = ((long) cellKey(towns.lat[row], towns.lon[row]) << 32) | row;
            }
        }
        keyed = Arrays.copyOf(keyed, count);
        Arrays.sort(keyed);
        rows = new int[count];
        int[] keys = new int[count];
        int[] starts = new int[count + 1];
        int cells = 0;
        for (int i = 0; i < count; i++) {
            int key = (int) (keyed[i] >>> 32);
            rows[i] = (int) keyed[i];
            if (cells == 0 || keys[cells - 1] != key) {
                keys[cells] = key;
                starts[cells++] = i;
            }
        }
        starts[cells] = count;
        cellKeys = Arrays.copyOf(keys, cells);
        cellStarts = Arrays.copyOf(starts, cells + 1);
    }

    /** The row of the nearest town with a point within {@code maxMeters}, or -1. */
    int nearest(GeoPoint point, double maxMeters) {
        int latCell = cell(point.lat());
        int lonCell = cell(point.lon());
        double cosLat = Math.cos(Math.toRadians(Math.min(89, Math.abs(point.lat()) + 1)));
        double cellMeters = CELL_DEGREES * METERS_PER_DEGREE * cosLat;
        int best = -1;
        double bestMeters = Double.MAX_VALUE;
        for (int ring = 0; ; ring++) {
            double unseenAtLeast = Math.max(0, ring - 1) * cellMeters;
            if (unseenAtLeast > Math.min(bestMeters, maxMeters)) {
                break;
            }
            for (int dLat = -ring; dLat <= ring; dLat++) {
                boolean edgeRow = Math.abs(dLat) == ring;
                for (int dLon = -ring; dLon <= ring; dLon += edgeRow ? 1 : 2 * ring) {
                    int index = Arrays.binarySearch(cellKeys, pack(latCell + dLat, lonCell + dLon));
                    if (index < 0) {
                        continue;
                    }
                    for (int i = cellStarts[index]; i < cellStarts[index + 1]; i++) {
                        int row = rows[i];
                        double meters = point.distanceMeters(towns.lat[row], towns.lon[row]);
                        if (meters < bestMeters) {
                            bestMeters = meters;
                            best = row;
                        }
                    }
                    if (ring == 0) {
                        break;
                    }
                }
            }
        }
        return bestMeters <= maxMeters ? best : -1;
    }

    private static int cellKey(int latMicro, int lonMicro) {
        return pack(cell(latMicro / 1e6), cell(lonMicro / 1e6));
    }

    private static int cell(double degrees) {
        return (int) Math.floor(degrees / CELL_DEGREES);
    }

    private static int pack(int latCell, int lonCell) {
        return (latCell << LON_BITS) | (lonCell & ((1 << LON_BITS) - 1));
    }

    long heapBytes() {
        return 4L * (cellKeys.length + cellStarts.length + rows.length);
    }
}
