package jp.bousai.relay.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.server.Relay;
import jp.bousai.relay.server.auth.ApiKeys;
import jp.bousai.relay.server.config.ApiKeyConfig;
import jp.bousai.relay.server.config.ConfigLoader;
import jp.bousai.relay.server.config.RelayConfig;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log names the caller by its key's configured id, never the key or the query; each
 * refusal is logged at info with its reason; a server without senders says that ingest is closed.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class AccessLogTest {

    private static final String SECRET_KEY = "k3y-0f-the-chiyoda-office-7f2a9c";

    @TempDir
    Path dataDir;

    private RelayConfig config(List<ApiKeyConfig> keys) {
        return ConfigLoader.loadBundled(Map.of("BOUSAI_HTTP_PORT", "0", "BOUSAI_HTTP_HOST", "127.0.0.1",
                "BOUSAI_HTTP_INSTANCES", "1", "BOUSAI_DATA_DIR", dataDir.toString(), "BOUSAI_MQTT_MODE", "off"))
                .withApiKeys(keys);
    }

    @Test
    void logsOneLinePerRequestWithTheKeyIdAndEveryRefusalWithItsReason(Vertx vertx) throws Exception {
        Relay relay = Relay.start(vertx, config(List.of(new ApiKeyConfig("chiyoda-office", ApiKeys.sha256(SECRET_KEY),
                JisCode.parse("131016"), List.of(), false, null))), Clock.systemUTC()).await(30, TimeUnit.SECONDS);
        WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(relay.port()));
        try (LogCapture access = LogCapture.of(AccessLog.LOGGER); LogCapture refusals = LogCapture.of(AccessLog.class)) {
            HttpResponse<Buffer> accepted = web.post("/api/v1/advisories?token=hidden-in-query")
                    .putHeader("Authorization", "Bearer " + SECRET_KEY).putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer(Examples.fresh(Examples.ORDER).toString())).await(10, TimeUnit.SECONDS);
            assertThat(accepted.statusCode()).isEqualTo(201);
            HttpResponse<Buffer> unknown = web.post("/api/v1/advisories")
                    .putHeader("Authorization", "Bearer not-a-key").putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer("{}")).await(10, TimeUnit.SECONDS);
            assertThat(unknown.statusCode()).isEqualTo(401);
            HttpResponse<Buffer> invalid = web.post("/api/v1/advisories")
                    .putHeader("Authorization", "Bearer " + SECRET_KEY).putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer(Examples.fresh(Examples.ORDER).put("validUntil", "yesterday").toString()))
                    .await(10, TimeUnit.SECONDS);
            assertThat(invalid.statusCode()).isEqualTo(422);
            relay.stop().await(30, TimeUnit.SECONDS);

            List<String> lines = access.lines();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).matches("time=\\S+Z client=127\\.0\\.0\\.1 caller=chiyoda-office method=POST "
                    + "path=/api/v1/advisories status=201 duration_ms=\\d+\\.\\d");
            assertThat(lines.get(1)).contains("caller=unknown-key").contains("status=401");
            assertThat(String.join("\n", lines)).doesNotContain(SECRET_KEY).doesNotContain("not-a-key")
                    .doesNotContain("hidden-in-query");

            assertThat(refusals.events()).allMatch(event -> event.getLevel() == Level.INFO);
            assertThat(refusals.lines()).hasSize(2);
            assertThat(refusals.lines().get(0)).contains("refused 401").contains("the API key is not known");
            assertThat(refusals.lines().get(1)).contains("caller: chiyoda-office").contains("refused 422")
                    .contains("/validUntil");
        }
    }

    @Test
    void aServerWithoutApiKeysOrSoapUsersSaysIngestIsClosed(Vertx vertx) throws Exception {
        try (LogCapture log = LogCapture.of(Relay.class)) {
            Relay relay = Relay.start(vertx, config(List.of()), Clock.systemUTC()).await(30, TimeUnit.SECONDS);
            relay.stop().await(30, TimeUnit.SECONDS);
            assertThat(log.lines()).anyMatch(line -> line.startsWith("ingest is closed")
                    && line.contains("auth.api-keys") && line.contains("auth.soap-users"));
        }
    }
}
