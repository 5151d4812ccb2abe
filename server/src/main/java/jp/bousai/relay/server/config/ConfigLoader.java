package jp.bousai.relay.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bousai.relay.adapters.media.MediaReceiver;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.validation.FieldErrors;
import jp.bousai.relay.feeds.stream.StreamOptions;
import jp.bousai.relay.server.receivers.ReceiverDefinitions;
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

    private static RelayConfig parse(ConfigSource source) {
        HttpOptions http = new HttpOptions(
                source.string("http.host", HttpOptions.DEFAULT_HOST),
                source.integer("http.port", HttpOptions.DEFAULT_PORT, 0, 65_535),
                source.integer("http.max-body-bytes", HttpOptions.DEFAULT_MAX_BODY_BYTES, 1024, 64 * 1024 * 1024),
                source.integer("http.instances", HttpOptions.DEFAULT_INSTANCES, 1, 64),
                source.integer("http.accept-backlog", HttpOptions.DEFAULT_ACCEPT_BACKLOG, 16, 65_535));
        StoreOptions store = new StoreOptions(
                storeKind(source),
                source.path("data.dir", "data"),
                source.integer("store.write-queue", StoreOptions.DEFAULT_WRITE_QUEUE_CAPACITY, 1, 1_000_000),
                source.integer("store.max-batch", StoreOptions.DEFAULT_MAX_BATCH, 1, 10_000),
                source.integer("store.readers", StoreOptions.DEFAULT_READERS, 1, 64),
                source.duration("data.history-retention", StoreOptions.DEFAULT_HISTORY_RETENTION, Duration.ofMinutes(1)));
        StreamOptions stream = new StreamOptions(
                source.duration("stream.heartbeat", StreamOptions.DEFAULT_HEARTBEAT, Duration.ofMillis(100)),
                source.integer("stream.max-pending-bytes", StreamOptions.DEFAULT_MAX_PENDING_BYTES, 4096,
                        256 * 1024 * 1024),
                source.integer("stream.replay-page-size", StreamOptions.DEFAULT_REPLAY_PAGE_SIZE, 1, 100_000),
                source.integer("stream.max-subscribers", StreamOptions.DEFAULT_MAX_SUBSCRIBERS, 1, 1_000_000));
        List<ApiKeyConfig> keys = apiKeys(source.node("auth.api-keys"));
        List<SoapUserConfig> soapUsers = soapUsers(source.node("auth.soap-users"));
        Duration soapWindow = source.duration("soap.created-window", RelayConfig.DEFAULT_SOAP_CREATED_WINDOW,
                Duration.ofSeconds(1));
        MqttConfig mqtt = MqttConfigReader.read(source);
        List<AdminKeyConfig> adminKeys = adminKeys(source.node("auth.admin-keys"));
        List<MediaReceiver> receivers = receivers(source.node("receivers"));
        CapConfig cap = CapConfig.parse(source, http.port());
        LimitsOptions limits = LimitsOptions.read(source);
        EdgeOptions edge = EdgeOptionsReader.read(source);
        boolean receiverPrivateAddresses = source.bool("receiver-urls.allow-private-addresses", false);
        source.checkAllKeysKnown();
        return new RelayConfig(http, store, stream, keys, soapUsers, soapWindow, mqtt, adminKeys, receivers, cap,
                limits, edge, receiverPrivateAddresses);
    }

    private static String storeKind(ConfigSource source) {
        String kind = source.string("store.kind", StoreOptions.DEFAULT_KIND);
        if (!StoreKinds.names().contains(kind)) {
            throw new ConfigException("store.kind", "must be one of " + String.join(", ", StoreKinds.names())
                    + ", got '" + kind + "'");
        }
        return kind;
    }

    private static List<ApiKeyConfig> apiKeys(JsonNode list) {
        List<ApiKeyConfig> keys = new ArrayList<>();
        if (list == null || list.isNull()) {
            return keys;
        }
        if (!list.isArray()) {
            throw new ConfigException("auth.api-keys", "must be a list of keys");
        }
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "auth.api-keys[" + i + "]";
            JsonNode entry = list.get(i);
            fieldsAmong(entry, key, Set.of("id", "sha256", "sender", "areas", "demo", "cap-certificate"));
            String id = text(entry, "id", key);
            String sha256 = text(entry, "sha256", key).toLowerCase(java.util.Locale.ROOT);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new ConfigException(key + ".sha256", "must be 64 hex digits (the SHA-256 of the key; "
                        + "`java -jar bousai-relay.jar hash-key KEY` prints it)");
            }
            if (!ids.add(id) || !hashes.add(sha256)) {
                throw new ConfigException(key, "duplicate id or key: '" + id + "'");
            }
            JisCode sender = code(text(entry, "sender", key), key + ".sender");
            keys.add(new ApiKeyConfig(id, sha256, sender, areas(entry, key), entry.path("demo").asBoolean(false),
                    entry.hasNonNull("cap-certificate")
                            ? certificate(entry.get("cap-certificate").asText(), key + ".cap-certificate") : null));
        }
        return keys;
    }

    private static List<AdminKeyConfig> adminKeys(JsonNode list) {
        List<AdminKeyConfig> keys = new ArrayList<>();
        for (int i = 0; i < size(list, "auth.admin-keys", "a list of keys"); i++) {
            String key = "auth.admin-keys[" + i + "]";
            JsonNode entry = list.get(i);
            fieldsAmong(entry, key, Set.of("id", "sha256", "demo"));
            String sha256 = text(entry, "sha256", key).toLowerCase(java.util.Locale.ROOT);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new ConfigException(key + ".sha256", "must be 64 hex digits (the SHA-256 of the key; "
                        + "`java -jar bousai-relay.jar hash-key KEY` prints it)");
            }
            keys.add(new AdminKeyConfig(text(entry, "id", key), sha256, entry.path("demo").asBoolean(false)));
        }
        return keys;
    }

    private static List<MediaReceiver> receivers(JsonNode list) {
        List<MediaReceiver> receivers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < size(list, "receivers", "a list of receiver definitions"); i++) {
            String key = "receivers[" + i + "]";
            FieldErrors errors = new FieldErrors();
            MediaReceiver receiver = ReceiverDefinitions.parse(list.get(i), errors);
            if (receiver == null) {
                FieldError first = errors.list().get(0);
                throw new ConfigException(key + first.pointer().replace('/', '.'), first.detail());
            }
            if (!ids.add(receiver.id())) {
                throw new ConfigException(key + ".id", "duplicate receiver id '" + receiver.id() + "'");
            }
            receivers.add(receiver);
        }
        return receivers;
    }

    /** The length of an optional list; 0 when absent. */
    private static int size(JsonNode list, String key, String what) {
        if (list == null || list.isNull()) {
            return 0;
        }
        if (!list.isArray()) {
            throw new ConfigException(key, "must be " + what);
        }
        return list.size();
    }

    private static List<SoapUserConfig> soapUsers(JsonNode list) {
        List<SoapUserConfig> users = new ArrayList<>();
        if (list == null || list.isNull()) {
            return users;
        }
        if (!list.isArray()) {
            throw new ConfigException("auth.soap-users", "must be a list of users");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "auth.soap-users[" + i + "]";
            JsonNode entry = list.get(i);
            fieldsAmong(entry, key, Set.of("username", "password", "sender", "areas", "demo"));
            String username = text(entry, "username", key);
            if (!names.add(username)) {
                throw new ConfigException(key, "duplicate username '" + username + "'");
            }
            String password = text(entry, "password", key);
            if (password.length() < 8) {
                throw new ConfigException(key + ".password", "must have at least 8 characters");
            }
            users.add(new SoapUserConfig(username, password, code(text(entry, "sender", key), key + ".sender"),
                    areas(entry, key), entry.path("demo").asBoolean(false)));
        }
        return users;
    }

    /** An X.509 certificate from a PEM (or DER) file. */
    private static X509Certificate certificate(String file, String key) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read certificate file " + file + ": " + e.getMessage());
        } catch (CertificateException e) {
            throw new ConfigException(key, "file " + file + " is not an X.509 certificate (PEM or DER): "
                    + e.getMessage());
        }
    }

    private static List<JisCode> areas(JsonNode entry, String key) {
        List<JisCode> areas = new ArrayList<>();
        JsonNode list = entry.get("areas");
        if (list != null && list.isArray()) {
            for (JsonNode area : list) {
                areas.add(code(area.asText(), key + ".areas"));
            }
        }
        return areas;
    }

    private static void fieldsAmong(JsonNode entry, String key, Set<String> allowed) {
        if (entry == null || !entry.isObject()) {
            throw new ConfigException(key, "must be a mapping with " + String.join(", ", allowed));
        }
        for (var fields = entry.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!allowed.contains(field)) {
                throw new ConfigException(key + "." + field, "unknown field; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private static String text(JsonNode entry, String field, String key) {
        JsonNode value = entry == null ? null : entry.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new ConfigException(key + "." + field, "required");
        }
        return value.asText().trim();
    }

    private static JisCode code(String value, String key) {
        String problem = JisCode.problemWith(value);
        if (problem != null) {
            throw new ConfigException(key, problem);
        }
        return JisCode.parse(value);
    }
}
