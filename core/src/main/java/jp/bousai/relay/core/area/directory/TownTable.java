package jp.bousai.relay.core.area.directory;

import java.util.Arrays;
import java.util.List;

/**
 * All towns, column by column, in municipality-code order (so a municipality's towns are one
 * contiguous range of rows). {@link Town} objects are made only for what a caller asks for.
 */
final class TownTable {

    static final int NO_POINT = Integer.MIN_VALUE;
    private static final int NO_ID = -1;

    final int size;
    final int[] municipality;
    final int[] townId;
    final byte[] level;
    final byte[] pointSource;
    final int[] lat;
    final int[] lon;
    final TextColumn name;
    final TextColumn kana;
    final TextColumn nameKey;
    final TextColumn kanaKey;

    private TownTable(Builder b) {
        size = b.size;
        municipality = Arrays.copyOf(b.municipality, size);
        townId = Arrays.copyOf(b.townId, size);
        level = Arrays.copyOf(b.level, size);
        pointSource = Arrays.copyOf(b.pointSource, size);
        lat = Arrays.copyOf(b.lat, size);
        lon = Arrays.copyOf(b.lon, size);
        name = b.name.build();
        kana = b.kana.build();
        nameKey = b.nameKey.build();
        kanaKey = b.kanaKey.build();
    }

    boolean hasPoint(int row) {
        return lat[row] != NO_POINT;
    }

    Town town(int row, List<Municipality> municipalities) {
        GeoPoint point = hasPoint(row) ? GeoPoint.ofMicroDegrees(lat[row], lon[row]) : null;
        PointSource source = pointSource[row] < 0 ? null : PointSource.values()[pointSource[row]];
        String id = townId[row] == NO_ID ? null : String.format("%07d", townId[row]);
        return new Town(municipalities.get(municipality[row]), id, TownLevel.values()[level[row]],
                name.get(row), kana.get(row), point, source);
    }

    long heapBytes() {
        return 22L * size + name.heapBytes() + kana.heapBytes() + nameKey.heapBytes() + kanaKey.heapBytes();
    }

    /** Appends towns row by row while the data file is read. */
    static final class Builder {
        private int size;
        private int[] municipality = new int[4096];
        private int[] townId = new int[4096];
        private byte[] level = new byte[4096];
        private byte[] pointSource = new byte[4096];
        private int[] lat = new int[4096];
        private int[] lon = new int[4096];
        private final TextColumn.Builder name = new TextColumn.Builder();
        private final TextColumn.Builder kana = new TextColumn.Builder();
        private final TextColumn.Builder nameKey = new TextColumn.Builder();
        private final TextColumn.Builder kanaKey = new TextColumn.Builder();

        void add(int municipalityIndex, String id, TownLevel townLevel, String townName, String townKana,
                 PointSource source, int latMicro, int lonMicro) {
            if (size == municipality.length) {
                int capacity = size * 2;
                municipality = Arrays.copyOf(municipality, capacity);
                townId = Arrays.copyOf(townId, capacity);
                level = Arrays.copyOf(level, capacity);
                pointSource = Arrays.copyOf(pointSource, capacity);
                lat = Arrays.copyOf(lat, capacity);
                lon = Arrays.copyOf(lon, capacity);
            }
            municipality[size] = municipalityIndex;
            townId[size] = id == null ? NO_ID : Integer.parseInt(id);
            level[size] = (byte) townLevel.ordinal();
            pointSource[size] = (byte) (source == null ? -1 : source.ordinal());
            lat[size] = latMicro;
            lon[size] = lonMicro;
            name.add(townName);
            kana.add(townKana);
            nameKey.add(SearchKey.of(townName));
            kanaKey.add(SearchKey.of(townKana));
            size++;
        }

        int size() {
            return size;
        }

        TownTable build() {
            return new TownTable(this);
        }
    }
}
