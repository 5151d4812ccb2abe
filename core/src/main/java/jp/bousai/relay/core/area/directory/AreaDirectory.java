package jp.bousai.relay.core.area.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.bousai.relay.core.area.JisCode;

/**
 * Japan's prefectures, municipalities and towns, read once from the data packaged with core:
 * look-up by code, towns by 大字, search by name or reading, nearest town to a location, and
 * resolution of the area codes advisories carry. Immutable and safe to share between threads.
 *
 * <p>{@link #loadBundled()} blocks for a few hundred milliseconds; never call it on an event
 * loop (use {@link LazyAreaDirectory}).
 */
public final class AreaDirectory {

    /** The class-path resource the directory is read from. */
    public static final String RESOURCE = "/jp/bousai/relay/core/area/directory/areas.tsv.gz";
    /** The most results one search returns. */
    public static final int MAX_SEARCH_RESULTS = 200;
    /** The farthest a nearest-town query looks. */
    public static final double MAX_NEAREST_METERS = 500_000;

    private final List<Municipality> municipalities;
    private final Map<JisCode, Integer> indexByCode;
    private final int[] townStarts;
    private final TownTable towns;
    private final TownGrid grid;
    private final AreaSearch search;

    private AreaDirectory(AreaDataReader data) {
        municipalities = List.copyOf(data.municipalities);
        indexByCode = new HashMap<>();
        for (int i = 0; i < municipalities.size(); i++) {
            indexByCode.put(municipalities.get(i).code(), i);
        }
        townStarts = data.townStarts.stream().mapToInt(Integer::intValue).toArray();
        towns = data.towns.build();
        grid = new TownGrid(towns);
        search = new AreaSearch(municipalities, townStarts, towns);
    }

    /** Reads the packaged data (blocking). */
    public static AreaDirectory loadBundled() {
        try (InputStream in = AreaDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("area data " + RESOURCE + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads data in the packaged format from a gzip stream (blocking). */
    public static AreaDirectory read(InputStream gzipped) {
        return new AreaDirectory(AreaDataReader.read(gzipped));
    }

    /** Prefectures, municipalities and wards together, in code order. */
    public List<Municipality> municipalities() {
        return municipalities;
    }

    public int townCount() {
        return towns.size;
    }

    /** A rough count of the bytes the towns' columns and the grid hold (for the load report). */
    public long approximateHeapBytes() {
        return towns.heapBytes() + grid.heapBytes();
    }

    public Optional<Municipality> municipality(JisCode code) {
        Integer index = indexByCode.get(code);
        return index == null ? Optional.empty() : Optional.of(municipalities.get(index));
    }

    /** The prefecture entry a code belongs to (東京都 for 131016). */
    public Municipality prefectureOf(JisCode code) {
        return municipality(code.prefecture()).orElseThrow();
    }

    /** The towns of a municipality or ward in town-id order (empty for 政令市 parents and unknown codes). */
    public List<Town> towns(JisCode municipality) {
        Integer index = indexByCode.get(municipality);
        if (index == null) {
            return List.of();
        }
        List<Town> list = new ArrayList<>(townStarts[index + 1] - townStarts[index]);
        for (int row = townStarts[index]; row < townStarts[index + 1]; row++) {
            list.add(towns.town(row, municipalities));
        }
        return list;
    }

    /** The towns of a municipality grouped by 大字, in town-id order. */
    public List<OazaGroup> oazaGroups(JisCode municipality) {
        return OazaGrouping.group(towns(municipality));
    }

    /**
     * Municipalities and towns whose name or reading matches {@code query} (normalised: NFKC,
     * katakana as hiragana), exact matches first, then prefix, then substring; within a rank
     * municipalities before towns, in code order.
     *
     * @param scope a prefecture or municipality code to search in, or {@code null} for everywhere
     * @param limit at most this many results (capped at {@value #MAX_SEARCH_RESULTS})
     */
    public List<AreaMatch> search(String query, JisCode scope, int limit) {
        return search.find(SearchKey.of(query), scope, Math.max(0, Math.min(limit, MAX_SEARCH_RESULTS)));
    }

    /**
     * The town whose representative point is nearest, among towns with a point.
     *
     * @param within a prefecture, municipality, 政令市 (with its wards) or ward to look in, or
     *               {@code null} for everywhere
     * @param maxMeters how far to look (capped at {@value #MAX_NEAREST_METERS})
     */
    public Optional<NearestTown> nearestTown(GeoPoint point, JisCode within, double maxMeters) {
        double limit = Math.min(maxMeters, MAX_NEAREST_METERS);
        int row = within == null ? grid.nearest(point, limit) : nearestWithin(point, within, limit);
        if (row < 0) {
            return Optional.empty();
        }
        Town town = towns.town(row, municipalities);
        return Optional.of(new NearestTown(town, point.distanceMeters(town.point())));
    }

    /** A scan of the towns in scope: at most a prefecture's (北海道: about 15,000). */
    private int nearestWithin(GeoPoint point, JisCode within, double limit) {
        int best = -1;
        double bestMeters = limit;
        for (int index = 0; index < municipalities.size(); index++) {
            if (!AreaScope.contains(within, municipalities.get(index))) {
                continue;
            }
            for (int row = townStarts[index]; row < townStarts[index + 1]; row++) {
                if (towns.hasPoint(row)) {
                    double meters = point.distanceMeters(towns.lat[row], towns.lon[row]);
                    if (meters <= bestMeters) {
                        bestMeters = meters;
                        best = row;
                    }
                }
            }
        }
        return best;
    }

    /**
     * What an area code names. Accepted forms: a six-digit JIS X 0402 code with check digit
     * ({@code 131016}); the twelve-digit sub-area code advisories carry (five digits without check
     * digit + the seven-digit ABR town id, {@code 131010039001}); and the municipality code with
     * check digit + town id ({@code 1310160039001}, thirteen digits).
     */
    public AreaResolution resolve(String code) {
        return AreaCodes.resolve(this, code == null ? "" : code.trim());
    }

    /** The town with this id in a municipality, if the directory has it. */
    public Optional<Town> town(JisCode municipality, String townId) {
        Integer index = indexByCode.get(municipality);
        if (index == null || townId == null || !townId.matches("\\d{7}")) {
            return Optional.empty();
        }
        int id = Integer.parseInt(townId);
        int low = townStarts[index];
        int high = townStarts[index + 1] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int midId = towns.townId[mid];
            if (midId < id) {
                low = mid + 1;
            } else if (midId > id) {
                high = mid - 1;
            } else {
                return Optional.of(towns.town(mid, municipalities));
            }
        }
        return Optional.empty();
    }
}
