package jp.bousai.relay.server;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.auth.ApiKeys;
import jp.bousai.relay.server.config.ConfigException;
import jp.bousai.relay.server.config.ConfigLoader;
import jp.bousai.relay.server.config.RelayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar bousai-relay.jar [--config FILE]} starts the server; without {@code --config}
 * it reads {@code config/bousai-relay.yaml} from the working directory when present, else the
 * defaults built into the jar (which hold no credentials: ingest stays closed until senders are
 * configured). {@code hash-key KEY} prints the SHA-256 to put in the configuration;
 * {@code sign-soap ...} fills an L-Alert request's UsernameToken ({@link SignSoapCommand}). On
 * SIGTERM it stops gracefully (see {@link #stopGracefully}).
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    static final Path DEFAULT_CONFIG = Path.of("config", "bousai-relay.yaml");
    /** How long the channels and the log may take to stop after the HTTP servers have. */
    private static final long STOP_BOUND_MILLIS = 30_000;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(SignSoapCommand.NAME)) {
            System.exit(SignSoapCommand.run(args, System.getenv(), Clock.systemUTC(), System.out, System.err));
        }
        if (args.length == 2 && args[0].equals("hash-key")) {
            LOG.info("sha256: {}", ApiKeys.sha256(args[1]));
            return;
        }
        RelayConfig config;
        try {
            config = loadConfig(args, System.getenv());
        } catch (ConfigException e) {
            LOG.error("cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        CountDownLatch started = new CountDownLatch(1);
        Relay[] relay = new Relay[1];
        Relay.start(vertx, config, Clock.systemUTC()).onComplete(result -> {
            if (result.succeeded()) {
                relay[0] = result.result();
                LOG.info("bousai-relay HTTP listening on port {} (data: {})", relay[0].port(),
                        config.store().dataDir().toAbsolutePath());
            } else {
                LOG.error("cannot start", result.cause());
            }
            started.countDown();
        });
        started.await();
        if (relay[0] == null) {
            vertx.close();
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopGracefully(vertx, relay[0], config),
                "bousai-shutdown"));
    }

    /**
     * Readiness turns 503 at once; after {@code http.shutdown-delay} (for load balancers to notice)
     * streams are told to reconnect elsewhere, requests in flight get {@code http.shutdown-grace}
     * to finish, what is queued is written and the log closed.
     */
    static void stopGracefully(Vertx vertx, Relay relay, RelayConfig config) {
        Duration delay = config.edge().shutdownDelay();
        LOG.info("stopping: readiness is DOWN; closing streams and listeners in {} ms", delay.toMillis());
        relay.drain();
        try {
            Thread.sleep(delay.toMillis());
            relay.stop().transform(v -> vertx.close())
                    .await(config.edge().shutdownGrace().toMillis() + STOP_BOUND_MILLIS, TimeUnit.MILLISECONDS);
            LOG.info("bousai-relay stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("stopping was interrupted");
        } catch (Exception e) {
            LOG.warn("stopping did not finish cleanly", e);
        }
    }

    static RelayConfig loadConfig(String[] args, Map<String, String> env) {
        if (args.length == 2 && args[0].equals("--config")) {
            LOG.info("configuration: {}", args[1]);
            return ConfigLoader.load(Path.of(args[1]), env);
        }
        if (args.length != 0) {
            throw new ConfigException("usage: java -jar bousai-relay.jar [--config FILE] | hash-key KEY");
        }
        if (Files.isRegularFile(DEFAULT_CONFIG)) {
            LOG.info("configuration: {}", DEFAULT_CONFIG.toAbsolutePath());
            return ConfigLoader.load(DEFAULT_CONFIG, env);
        }
        LOG.info("configuration: the defaults built into the jar (no credentials)");
        return ConfigLoader.loadBundled(env);
    }
}
