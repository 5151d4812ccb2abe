package jp.bousai.relay.server.mqtt;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber that connects late, with Debian's {@code mosquitto_sub}: it collects every
 * retained message under its filter, the state a subscriber connecting now is shown. When it has
 * subscribed cannot be observed from outside, so the test keeps issuing marker advisories; the
 * subscriber stops at the second marker it receives live. Not at the first: a broker may send a
 * new subscription's retained messages after a live message that overtook them (HiveMQ did, under
 * load), and the second live marker was issued after the first had arrived.
 */
final class LateMosquittoSub {

    private static final int MAX_MARKERS = 30;
    private static final int LIVE_MARKERS = 2;
    private static final long MARKER_EVERY_MILLIS = 1_000;

    private LateMosquittoSub() {
    }

    /** Topic to payload of every retained message under {@code filter} (markers that came first included). */
    static Map<String, String> retained(String brokerUri, String filter, Callable<?> issueMarker, String... options)
            throws Exception {
        String port = brokerUri.substring(brokerUri.lastIndexOf(':') + 1);
        List<String> command = new ArrayList<>(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-V", "mqttv5",
                "-q", "1", "-t", filter, "-F", "%r %t %p", "-W", "120"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ScheduledExecutorService markers = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger issued = new AtomicInteger();
        markers.scheduleWithFixedDelay(() -> {
            if (issued.incrementAndGet() <= MAX_MARKERS) {
                try {
                    issueMarker.call();
                } catch (Exception e) {
                    throw new IllegalStateException("issuing a marker failed", e);
                }
            }
        }, 0, MARKER_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            Map<String, String> retained = new LinkedHashMap<>();
            int live = 0;
            String line;
            while (live < LIVE_MARKERS && (line = out.readLine()) != null) {
                String[] parts = line.split(" ", 3);
                if (parts.length < 2 || !(parts[0].equals("0") || parts[0].equals("1"))) {
                    throw new AssertionError("unexpected mosquitto_sub output: " + line);
                }
                if (parts[0].equals("1")) {
                    retained.put(parts[1], parts.length == 3 ? parts[2] : "");
                } else {
                    live++;
                }
            }
            if (live < LIVE_MARKERS) {
                throw new AssertionError("mosquitto_sub saw " + live + " live markers of " + issued.get() + " issued");
            }
            return retained;
        } finally {
            markers.shutdownNow();
            markers.awaitTermination(30, TimeUnit.SECONDS);
            process.destroy();
        }
    }
}
