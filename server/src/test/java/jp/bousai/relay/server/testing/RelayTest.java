package jp.bousai.relay.server.testing;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A test against a real server, started before each test on a fresh data directory. */
@ExtendWith(VertxExtension.class)
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
