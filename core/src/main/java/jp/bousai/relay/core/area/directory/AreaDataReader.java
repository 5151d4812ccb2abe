package jp.bousai.relay.core.area.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import jp.bousai.relay.core.area.JisCode;

/** Reads the packaged {@code areas.tsv.gz} (format in {@code scripts/build-area-data.py}). */
final class AreaDataReader {

    static final String FORMAT_LINE = "#bousai-relay-areas 1";

    final List<Municipality> municipalities = new ArrayList<>();
    final List<Integer> townStarts = new ArrayList<>();
    final TownTable.Builder towns = new TownTable.Builder();

    static AreaDataReader read(InputStream gzipped) {
        AreaDataReader reader = new AreaDataReader();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            String first = lines.readLine();
            if (!FORMAT_LINE.equals(first)) {
                throw new IllegalStateException("area data: expected '" + FORMAT_LINE + "', got '" + first + "'");
            }
            int lineNumber = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                try {
                    reader.accept(line.split("\t", -1));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("area data line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("area data unreadable", e);
        }
        reader.townStarts.add(reader.towns.size());
        return reader;
    }

    private void accept(String[] f) {
        switch (f[0]) {
            case "M" -> {
                municipalities.add(new Municipality(JisCode.parse(f[1]), MunicipalityKind.parse(f[2]), f[3], f[4],
                        emptyToNull(f[5]), f[6].isEmpty() ? null : JisCode.parse(f[6]),
                        GeoPoint.ofMicroDegrees(Integer.parseInt(f[7]), Integer.parseInt(f[8]))));
                townStarts.add(towns.size());
            }
            case "T" -> {
                if (municipalities.isEmpty()) {
                    throw new IllegalStateException("a town before any municipality");
                }
                boolean hasPoint = !f[6].isEmpty();
                towns.add(municipalities.size() - 1, emptyToNull(f[1]), TownLevel.ofCode(f[2].charAt(0)), f[3], f[4],
                        f[5].isEmpty() ? null : PointSource.ofCode(f[5].charAt(0)),
                        hasPoint ? Integer.parseInt(f[6]) : TownTable.NO_POINT,
                        hasPoint ? Integer.parseInt(f[7]) : TownTable.NO_POINT);
            }
            default -> throw new IllegalStateException("unknown record '" + f[0] + "'");
        }
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
