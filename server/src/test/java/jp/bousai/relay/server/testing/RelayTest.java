package jp.bousai.relay.server.testing;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test against a real server, started before each test on a fresh data directory. No test may
 * hang the build: JUnit's {@link Timeout} (inherited by every subclass, unlike Vert.x's) bounds
 * each test generously, above the slowest one on a loaded machine.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class RelayTest {

    @TempDir
    protected Path dataDir;
    protected RelayFixture relay;

    /** Environment overrides for this test class's server, e.g. a smaller pending-output bound. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @BeforeEach
    void startRelay(Vertx vertx, VertxTestContext ctx) {
        RelayFixture.start(vertx, dataDir, environment()).onComplete(ctx.succeeding(started -> {
            relay = started;
            ctx.completeNow();
        }));
    }

    @AfterEach
    void stopRelay(VertxTestContext ctx) {
        relay.stop().onComplete(ctx.succeedingThenComplete());
    }
}
