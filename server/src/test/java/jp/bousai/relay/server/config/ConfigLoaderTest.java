package jp.bousai.relay.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Path SHIPPED = Path.of("..", "config", "bousai-relay.yaml");

    private static RelayConfig parse(String yaml, Map<String, String> env) throws Exception {
        return ConfigLoader.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml), env);
    }

    @Test
    void theShippedFileHoldsTheDefaultsAndTheDemoKeys() {
        RelayConfig config = ConfigLoader.load(SHIPPED, Map.of());
        assertThat(config.http().port()).isEqualTo(HttpOptions.DEFAULT_PORT);
        assertThat(config.http().maxBodyBytes()).isEqualTo(HttpOptions.DEFAULT_MAX_BODY_BYTES);
        assertThat(config.store().dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.store().historyRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.stream().heartbeat()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.apiKeys()).extracting(ApiKeyConfig::id).containsExactly("demo-chiyoda", "demo-tokyo");
        assertThat(config.apiKeys()).allMatch(ApiKeyConfig::demo);
    }

    @Test
    void theDefaultsBuiltIntoTheJarCarryNoCredentialsAndOtherwiseMatchTheShippedFile() {
        RelayConfig builtIn = ConfigLoader.loadBundled(Map.of());
        assertThat(builtIn.apiKeys()).isEmpty();
        assertThat(builtIn.adminKeys()).isEmpty();
        assertThat(builtIn.soapUsers()).isEmpty();
        assertThat(builtIn.ingestClosed()).isTrue();
        RelayConfig shipped = ConfigLoader.load(SHIPPED, Map.of());
        assertThat(builtIn).usingRecursiveComparison().ignoringFields("apiKeys", "adminKeys", "soapUsers")
                .isEqualTo(shipped);
    }

    @Test
    void theStoreKindDefaultsToSqliteAndAnUnknownKindNamesTheKey() throws Exception {
        assertThat(parse("{}", Map.of()).store().kind()).isEqualTo("sqlite");
        assertThat(parse("store:\n  kind: sqlite\n", Map.of()).store().kind()).isEqualTo("sqlite");
        assertThatThrownBy(() -> parse("store:\n  kind: postgres\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("store.kind").hasMessageContaining("must be one of sqlite, got 'postgres'");
        assertThatThrownBy(() -> parse("{}", Map.of("BOUSAI_STORE_KIND", "oracle")))
                .hasMessageContaining("BOUSAI_STORE_KIND").hasMessageContaining("got 'oracle'");
    }

    @Test
    void anUnknownBousaiVariableStopsStartUpButTheLogLevelIsAllowed() {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("BOUSAI_HTTP_PROT", "9090")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown environment variable: BOUSAI_HTTP_PROT");
        assertThatThrownBy(() -> ConfigLoader.loadBundled(Map.of("BOUSAI_AUTH_API_KEYS", "x")))
                .hasMessageContaining("BOUSAI_AUTH_API_KEYS").hasMessageContaining("file only");
        assertThat(ConfigLoader.load(SHIPPED, Map.of("BOUSAI_LOG_LEVEL", "DEBUG", "PATH", "/bin")).http().port())
                .isEqualTo(HttpOptions.DEFAULT_PORT);
    }

    @Test
    void anErrorNamesTheVariableOrTheFileTheBadValueCameFrom(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("BOUSAI_MQTT_MODE", "sometimes")))
                .hasMessageStartingWith("environment variable BOUSAI_MQTT_MODE (configuration key 'mqtt.mode'): ")
                .hasMessageContaining("'sometimes'");
        Path file = dir.resolve("relay.yaml");
        Files.writeString(file, "mqtt:\n  mode: sometimes\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .hasMessageStartingWith("configuration key 'mqtt.mode' in " + file + ": ")
                .hasMessageNotContaining("BOUSAI_");
    }

    @Test
    void tlsNeedsBothPemFilesAndCorsOriginsComeFromAListOrTheEnvironment(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        assertThatThrownBy(() -> ConfigLoader.loadBundled(Map.of("BOUSAI_HTTP_TLS_CERT_FILE", cert.toString())))
                .hasMessageContaining("'http.tls.key-file'").hasMessageContaining("required when http.tls.cert-file");
        assertThatThrownBy(() -> ConfigLoader.loadBundled(Map.of("BOUSAI_HTTP_TLS_CERT_FILE", cert.toString(),
                "BOUSAI_HTTP_TLS_KEY_FILE", dir.resolve("missing.pem").toString())))
                .hasMessageContaining("BOUSAI_HTTP_TLS_KEY_FILE").hasMessageContaining("cannot read the PEM file");
        RelayConfig config = ConfigLoader.loadBundled(Map.of("BOUSAI_HTTP_CORS_PUBLIC_ORIGINS",
                "https://portal.example.jp, http://localhost:3000"));
        assertThat(config.edge().cors().publicOrigins()).containsExactly("https://portal.example.jp",
                "http://localhost:3000");
        assertThat(config.edge().cors().authenticatedOrigins()).isEmpty();
        assertThatThrownBy(() -> parse("http:\n  cors:\n    public-origins: [\"https://x.jp/path\"]\n", Map.of()))
                .hasMessageContaining("'http.cors.public-origins'").hasMessageContaining("without a path");
    }

    @Test
    void environmentVariablesOverrideKeys() {
        RelayConfig config = ConfigLoader.load(SHIPPED, Map.of("BOUSAI_HTTP_PORT", "9090",
                "BOUSAI_DATA_DIR", "/var/lib/bousai", "BOUSAI_STREAM_HEARTBEAT", "500ms",
                "BOUSAI_STREAM_MAX_PENDING_BYTES", "65536"));
        assertThat(config.http().port()).isEqualTo(9090);
        assertThat(config.store().dataDir()).isEqualTo(Path.of("/var/lib/bousai"));
        assertThat(config.stream().heartbeat()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.stream().maxPendingBytes()).isEqualTo(65536);
    }

    @Test
    void aBadValueNamesItsKeyAndVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("BOUSAI_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'http.port'").hasMessageContaining("BOUSAI_HTTP_PORT")
                .hasMessageContaining("'eighty'");
        assertThatThrownBy(() -> parse("http:\n  port: 70000\n", Map.of()))
                .hasMessageContaining("'http.port'").hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> parse("stream:\n  heartbeat: soon\n", Map.of()))
                .hasMessageContaining("'stream.heartbeat'").hasMessageContaining("ms, s, m, h or d");
    }

    @Test
    void unknownKeysStopStartUp() {
        assertThatThrownBy(() -> parse("http:\n  prot: 8080\ndata:\n  dri: x\n", Map.of()))
                .hasMessageContaining("unknown configuration keys in the configuration: data.dri, http.prot");
    }

    @Test
    void aSectionWithEveryKeyCommentedOutIsKnownButAnUnknownKeyInsideItIsNot() throws Exception {
        assertThat(parse("mqtt:\n  external:\n    tls:\nhttp:\n  tls:\n", Map.of()).mqtt().tls()).isNull();
        assertThatThrownBy(() -> parse("mqtt:\n  external:\n    tls:\n      ca-fiel: /x.pem\n", Map.of()))
                .hasMessageContaining("unknown configuration key in the configuration: mqtt.external.tls.ca-fiel");
        assertThatThrownBy(() -> ConfigLoader.loadBundled(Map.of("BOUSAI_HTTP_TLS", "x")))
                .hasMessageContaining("BOUSAI_HTTP_TLS").hasMessageContaining("file only");
    }

    @Test
    void aSigningCertificateThatCannotBeReadNamesTheKey() {
        String hash = "c".repeat(64);
        assertThatThrownBy(() -> parse("auth:\n  api-keys:\n    - id: a\n      sha256: " + hash
                + "\n      sender: \"131016\"\n      cap-certificate: /nonexistent/chiyoda.pem\n", Map.of()))
                .hasMessageContaining("auth.api-keys[0].cap-certificate")
                .hasMessageContaining("cannot read certificate file /nonexistent/chiyoda.pem");
    }

    @Test
    void badApiKeysNameTheEntry() {
        assertThatThrownBy(() -> parse("auth:\n  api-keys:\n    - id: a\n      sha256: abc\n      sender: \"131016\"\n",
                Map.of())).hasMessageContaining("auth.api-keys[0].sha256").hasMessageContaining("64 hex digits");
        String hash = "b".repeat(64);
        assertThatThrownBy(() -> parse("auth:\n  api-keys:\n    - id: a\n      sha256: " + hash
                + "\n      sender: \"131017\"\n", Map.of()))
                .hasMessageContaining("auth.api-keys[0].sender").hasMessageContaining("check digit");
    }

    @Test
    void capLinksToThePublicUrlAndRefusesSha1UnlessAllowed() throws Exception {
        RelayConfig shipped = ConfigLoader.load(SHIPPED, Map.of());
        assertThat(shipped.cap().publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(shipped.cap().publicUrlConfigured()).isFalse();
        assertThat(shipped.cap().allowSha1Signatures()).isFalse();
        RelayConfig set = ConfigLoader.load(SHIPPED, Map.of("BOUSAI_HTTP_PUBLIC_URL", "https://bousai.example.jp/",
                "BOUSAI_CAP_ALLOW_SHA1_SIGNATURES", "true"));
        assertThat(set.cap().publicUrl()).isEqualTo("https://bousai.example.jp");
        assertThat(set.cap().allowSha1Signatures()).isTrue();
        assertThat(parse("http:\n  public-url: https://relay.example.jp/bousai\n", Map.of()).cap().publicUrl())
                .isEqualTo("https://relay.example.jp/bousai");
        assertThatThrownBy(() -> parse("http:\n  public-url: bousai.example.jp\n", Map.of()))
                .hasMessageContaining("'http.public-url'").hasMessageContaining("absolute http or https URL");
        assertThatThrownBy(() -> parse("cap:\n  allow-sha1-signatures: maybe\n", Map.of()))
                .hasMessageContaining("'cap.allow-sha1-signatures'");
    }
}
