package jp.bousai.relay.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.bousai.relay.adapters.media.MediaReceiver;
import jp.bousai.relay.feeds.stream.StreamOptions;
import jp.bousai.relay.server.store.StoreKinds;
import jp.bousai.relay.server.store.StoreOptions;

/**
 * Reads {@link RelayConfig} from the YAML file (every key documented in
 * {@code config/bousai-relay.yaml}) and the environment. Any bad value or unknown key fails with
 * a message naming the key.
 */
public final class ConfigLoader {

    /** Where the built-in defaults come from, in errors. */
    static final String BUILT_IN = "the built-in defaults";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {
    }

    public static RelayConfig load(Path file, Map<String, String> env) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(YAML.readTree(in), env, file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
    }

    /**
     * The defaults built into the jar, with environment overrides: every key's default and no
     * credentials of any kind (no API keys, admin keys or SOAP users), so ingest is closed until an
     * operator configures senders. The demo keys live only in {@code config/bousai-relay.yaml}.
     */
    public static RelayConfig loadBundled(Map<String, String> env) {
        return parse(null, env, BUILT_IN);
    }

    static RelayConfig parse(JsonNode root, Map<String, String> env) {
        return parse(root, env, "the configuration");
    }

    static RelayConfig parse(JsonNode root, Map<String, String> env, String origin) {
        if (root != null && !root.isNull() && !root.isMissingNode() && !root.isObject()) {
            throw new ConfigException("the configuration file must be a YAML mapping of sections (http, data, ...)");
        }
        ConfigSource source = new ConfigSource(root, env, origin);
        try {
            return parse(source);
        } catch (ConfigException e) {
            throw source.locate(e);
        }
    }

    /**
     * Each options type reads its own section ({@code from(ConfigSection)}); the options of other
     * modules and packages, which must not depend on the configuration, are read here.
     */
    private static RelayConfig parse(ConfigSource source) {
        ConfigSection httpSection = source.section("http");
        ConfigSection auth = source.section("auth");
        HttpOptions http = HttpOptions.from(httpSection);
        StoreOptions store = store(source.section("data"), source.section("store"));
        StreamOptions stream = stream(source.section("stream"));
        List<ApiKeyConfig> keys = ApiKeyConfig.listFrom(auth);
        List<SoapUserConfig> soapUsers = SoapUserConfig.listFrom(auth);
        Duration soapWindow = source.section("soap").duration("created-window",
                RelayConfig.DEFAULT_SOAP_CREATED_WINDOW, Duration.ofSeconds(1));
        MqttConfig mqtt = MqttConfig.from(source.section("mqtt"));
        List<AdminKeyConfig> adminKeys = AdminKeyConfig.listFrom(auth);
        List<MediaReceiver> receivers = ReceiverDefinitions.listFrom(source.root());
        CapConfig cap = CapConfig.from(httpSection, source.section("cap"), http.port());
        LimitsOptions limits = LimitsOptions.from(source.section("limits"));
        EdgeOptions edge = EdgeOptions.from(httpSection);
        boolean receiverPrivateAddresses = source.section("receiver-urls").bool("allow-private-addresses",
                RelayConfig.DEFAULT_RECEIVER_PRIVATE_ADDRESSES);
        source.checkAllKeysKnown();
        return new RelayConfig(http, store, stream, keys, soapUsers, soapWindow, mqtt, adminKeys, receivers, cap,
                limits, edge, receiverPrivateAddresses);
    }

    /** {@code data.*} and {@code store.*}: the store's options ({@code server.store} knows no configuration). */
    private static StoreOptions store(ConfigSection data, ConfigSection store) {
        return new StoreOptions(
                storeKind(store),
                data.path("dir", StoreOptions.DEFAULT_DATA_DIR),
                store.integer("write-queue", StoreOptions.DEFAULT_WRITE_QUEUE_CAPACITY, 1, 1_000_000),
                store.integer("max-batch", StoreOptions.DEFAULT_MAX_BATCH, 1, 10_000),
                store.integer("readers", StoreOptions.DEFAULT_READERS, 1, 64),
                data.duration("history-retention", StoreOptions.DEFAULT_HISTORY_RETENTION, Duration.ofMinutes(1)));
    }

    private static String storeKind(ConfigSection store) {
        String kind = store.string("kind", StoreOptions.DEFAULT_KIND);
        if (!StoreKinds.names().contains(kind)) {
            throw store.error("kind", "must be one of " + String.join(", ", StoreKinds.names()) + ", got '" + kind + "'");
        }
        return kind;
    }

    /** {@code stream.*}: the options of the streams in {@code feeds}, which knows no configuration. */
    private static StreamOptions stream(ConfigSection stream) {
        return new StreamOptions(
                stream.duration("heartbeat", StreamOptions.DEFAULT_HEARTBEAT, Duration.ofMillis(100)),
                stream.integer("max-pending-bytes", StreamOptions.DEFAULT_MAX_PENDING_BYTES, 4096, 256 * 1024 * 1024),
                stream.integer("replay-page-size", StreamOptions.DEFAULT_REPLAY_PAGE_SIZE, 1, 100_000),
                stream.integer("max-subscribers", StreamOptions.DEFAULT_MAX_SUBSCRIBERS, 1, 1_000_000));
    }
}
