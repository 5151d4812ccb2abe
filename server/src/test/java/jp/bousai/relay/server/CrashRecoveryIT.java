package jp.bousai.relay.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.bousai.relay.server.testing.Examples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as users run it (the shaded jar in a child JVM) is killed with SIGKILL right after
 * acknowledging advisories; after a restart every acknowledged one is served, in order, under
 * the sequence number it was acknowledged with.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashRecoveryIT {

    private static final Pattern LISTENING = Pattern.compile("HTTP listening on port (\\d+)");
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    private static final int SENT = 100;

    @TempDir
    Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void servesEveryAcknowledgedAdvisoryAfterSigkillWithTheSameSeq() throws Exception {
        Server first = startServer();
        Map<Long, String> acknowledged = new ConcurrentSkipListMap<>();
        CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        for (int i = 0; i < SENT; i++) {
            String json = Examples.fresh(i % 2 == 0 ? Examples.ORDER : Examples.SHELTERS).toString();
            http.sendAsync(post(first.port, json), HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                if (response.statusCode() == 201) {
                    JsonObject reply = new JsonObject(response.body());
                    acknowledged.put(reply.getLong("seq"), reply.getString("documentId"));
                    enough.countDown();
                }
            });
        }
        assertThat(enough.await(60, TimeUnit.SECONDS)).as("acknowledgements before the kill").isTrue();
        first.process.destroyForcibly().waitFor();
        Map<Long, String> acknowledgedAtKill = new TreeMap<>(acknowledged);

        Server second = startServer();
        JsonObject listing = new JsonObject(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + second.port + "/api/v1/advisories?category=EvacuationOrder,Shelter"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        Map<Long, String> served = new TreeMap<>();
        JsonArray advisories = listing.getJsonArray("advisories");
        for (int i = 0; i < advisories.size(); i++) {
            JsonObject item = advisories.getJsonObject(i);
            served.put(item.getLong("seq"), item.getJsonObject("advisory").getString("documentId"));
        }
        assertThat(served).containsAllEntriesOf(acknowledgedAtKill);
        assertThat(served.keySet()).as("gap-free seqs from 1").containsExactlyElementsOf(
                Stream.iterate(1L, s -> s + 1).limit(served.size()).toList());
        assertThat(listing.getLong("headSeq")).isEqualTo(served.size());
        assertThat(replayedSeqs(second.port, listing.getLong("headSeq")))
                .containsExactlyElementsOf(served.keySet());
        second.process.destroy();
        assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).as("a graceful stop on SIGTERM").isTrue();
    }

    private HttpRequest post(int port, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/advisories"))
                .header("Authorization", "Bearer demo-chiyoda").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** The ids of the stream replayed from the start, read until {@code head}. */
    private List<Long> replayedSeqs(int port, long head) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stream?since=0"))
                .build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        List<Long> seqs = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            var iterator = lines.iterator();
            while (iterator.hasNext() && (seqs.isEmpty() || seqs.get(seqs.size() - 1) < head)) {
                String line = iterator.next();
                if (line.startsWith("id: ")) {
                    seqs.add(Long.parseLong(line.substring(4)));
                }
            }
        }
        return seqs;
    }

    private record Server(Process process, int port) {
    }

    private Server startServer() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("bousai.jar", "target/bousai-relay.jar"));
        assertThat(Files.isRegularFile(jar)).as("the packaged server jar " + jar).isTrue();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--config", Path.of("..", "config", "bousai-relay.yaml").toString())
                .redirectErrorStream(true);
        builder.environment().put("BOUSAI_HTTP_PORT", "0");
        builder.environment().put("BOUSAI_HTTP_HOST", "127.0.0.1");
        builder.environment().put("BOUSAI_DATA_DIR", dataDir.toString());
        builder.environment().put("BOUSAI_MQTT_MODE", "off");
        Process process = builder.start();
        processes.add(process);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
                port.completeExceptionally(new AssertionError("the server exited without listening"));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Server(process, port.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("the server did not start", e);
        }
    }
}
