package jp.bousai.relay.server.mqtt;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber that connects late, as Debian's {@code mosquitto_sub --retained-only}: it prints
 * every retained message under its filter and exits at the first live one. The live one is a
 * marker the relay publishes (the test issues advisories until mosquitto_sub exits, since when it
 * has subscribed cannot be observed from outside); retained messages that came before it are the
 * state a subscriber connecting now is shown.
 */
final class LateMosquittoSub {

    private static final int MAX_MARKERS = 20;

    private LateMosquittoSub() {
    }

    /** Topic to payload of every retained message under {@code filter}, markers included. */
    static Map<String, String> retained(String brokerUri, String filter, Callable<?> issueMarker, String... options)
            throws Exception {
        String port = brokerUri.substring(brokerUri.lastIndexOf(':') + 1);
        List<String> command = new ArrayList<>(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-V", "mqttv5",
                "-q", "1", "-t", filter, "-F", "%r %t %p", "--retained-only", "-W", "120"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            for (int marker = 0; marker < MAX_MARKERS && process.isAlive(); marker++) {
                issueMarker.call();
                process.waitFor(3, TimeUnit.SECONDS);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("mosquitto_sub saw no live marker");
            }
            Map<String, String> retained = new LinkedHashMap<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    String[] parts = line.split(" ", 3);
                    if (parts.length < 2 || !parts[0].equals("1")) {
                        throw new AssertionError("unexpected mosquitto_sub output: " + line);
                    }
                    retained.put(parts[1], parts.length == 3 ? parts[2] : "");
                }
            }
            return retained;
        } finally {
            process.destroy();
        }
    }
}
