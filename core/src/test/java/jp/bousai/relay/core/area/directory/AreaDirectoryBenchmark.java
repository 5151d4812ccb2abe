package jp.bousai.relay.core.area.directory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;
import jp.bousai.relay.core.area.JisCode;

/**
 * Measures load time, retained heap, search and nearest-town times of the packaged directory (a
 * program, not a test: timings are reported, never asserted). Run after {@code mvn -pl core
 * test-compile}:
 * <pre>
 * java -Xmx512m -cp core/target/classes:core/target/test-classes \
 *     jp.bousai.relay.core.area.directory.AreaDirectoryBenchmark
 * </pre>
 */
public final class AreaDirectoryBenchmark {

    private AreaDirectoryBenchmark() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long heapBefore = usedHeapAfterGc();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        AreaDirectory directory = AreaDirectory.loadBundled();
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        long loadCpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        long heapAfter = usedHeapAfterGc();
        System.out.printf("first load: %d ms wall, %d ms CPU of the loading thread; retained heap %.1f MB"
                + " (columns+grid estimate %.1f MB)%n", loadMillis, loadCpuMillis,
                (heapAfter - heapBefore) / 1e6, directory.approximateHeapBytes() / 1e6);
        start = System.nanoTime();
        cpuStart = threads.getCurrentThreadCpuTime();
        AreaDirectory.loadBundled();
        System.out.printf("second load (warm JIT): %d ms wall, %d ms CPU%n", (System.nanoTime() - start) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);

        for (String query : List.of("そとかんだ", "外神田", "本町", "ちょう", "泊村", "x")) {
            for (JisCode scope : new JisCode[] {null, JisCode.parse("130001"), JisCode.parse("131016")}) {
                int results = directory.search(query, scope, 20).size();
                int runs = 50;
                long t = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < runs; i++) {
                    directory.search(query, scope, 20);
                }
                System.out.printf("search %-8s in %-6s: %7.3f ms CPU (%d results)%n", query,
                        scope == null ? "Japan" : scope.value(), (threads.getCurrentThreadCpuTime() - t) / 1e6 / runs,
                        results);
            }
        }

        Random random = new Random(1);
        int queries = 20_000;
        GeoPoint[] points = new GeoPoint[queries];
        for (int i = 0; i < queries; i++) {
            points[i] = new GeoPoint(31 + random.nextDouble() * 13, 130 + random.nextDouble() * 12);
        }
        for (GeoPoint point : points) {
            directory.nearestTown(point, null, 50_000);
        }
        long t = threads.getCurrentThreadCpuTime();
        for (GeoPoint point : points) {
            directory.nearestTown(point, null, 50_000);
        }
        System.out.printf("nearest in Japan (random points, 50 km cap): %.1f µs CPU per query%n",
                (threads.getCurrentThreadCpuTime() - t) / 1e3 / queries);
        GeoPoint tokyo = new GeoPoint(35.69, 139.77);
        t = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < queries; i++) {
            directory.nearestTown(tokyo, null, 50_000);
        }
        System.out.printf("nearest in Japan (central Tokyo): %.1f µs CPU per query%n", (threads.getCurrentThreadCpuTime() - t) / 1e3 / queries);
        t = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < queries; i++) {
            directory.nearestTown(tokyo, JisCode.parse("131016"), 50_000);
        }
        System.out.printf("nearest within 千代田区: %.1f µs CPU per query%n", (threads.getCurrentThreadCpuTime() - t) / 1e3 / queries);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
