package jp.bousai.relay.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real Eclipse Mosquitto broker (Debian's package, installed by .ci/run) on a free loopback
 * port, with persistence in a folder of its own so that sessions and queued messages survive a
 * stop and start. Started and stopped by tests to play a broker outage.
 */
public final class Mosquitto implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final String extraConfig;
    private Process process;

    public Mosquitto(Path dir) {
        this(dir, "");
    }

    /**
     * @param extraConfig lines appended to the configuration, e.g. {@code password_file},
     *        {@code acl_file} or a TLS listener
     */
    public Mosquitto(Path dir, String extraConfig) {
        this.dir = dir;
        this.port = freePort();
        this.extraConfig = extraConfig;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker and returns once it says it is running. */
    public Mosquitto start() throws Exception {
        Files.createDirectories(dir);
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence true\n"
                + "persistence_location " + dir + "/\nuser " + System.getProperty("user.name") + "\nlog_dest stderr\nlog_type information\n"
                + extraConfig);
        process = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true).start();
        CompletableFuture<Void> running = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.contains("running")) {
                        running.complete(null);
                    }
                }
                running.completeExceptionally(new IllegalStateException("mosquitto exited"));
            } catch (IOException e) {
                running.completeExceptionally(e);
            }
        }, "mosquitto-output");
        reader.setDaemon(true);
        reader.start();
        running.get(30, TimeUnit.SECONDS);
        return this;
    }

    /** Stops the broker (SIGTERM: it saves its persistence) and waits for it to exit. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
