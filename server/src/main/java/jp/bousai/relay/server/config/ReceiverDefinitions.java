package jp.bousai.relay.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import jp.bousai.relay.adapters.media.MediaReceiver;
import jp.bousai.relay.adapters.media.ReceiverProtocol;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.area.AreaFilter;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * A receiver's definition as JSON, the same in the admin API and in the configuration file:
 * <pre>
 * {"id": "nhk-tokyo", "name": "NHK 東京", "url": "https://…", "protocol": "commons-soap",
 *  "areas": ["13"], "categories": ["EvacuationOrder"], "modes": ["Actual"],
 *  "username": "…", "password": "…",            (commons-soap)
 *  "secret": "…",                                (webhooks: at least 16 characters)
 *  "maxInFlight": 4, "timeoutSeconds": 10}
 * </pre>
 * Errors name the field as a JSON pointer. Secrets and passwords, and credentials in the URL,
 * never appear in what {@code ReceiverJson} writes back for display. Parsing lives with the
 * configuration, which reads the {@code receivers} list at start-up; the admin API
 * ({@code server.receivers}) uses it from here, so the dependency goes one way.
 */
public final class ReceiverDefinitions {

    public static final int DEFAULT_MAX_IN_FLIGHT = 4;
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    private static final Set<String> FIELDS = Set.of("id", "name", "url", "protocol", "areas", "categories", "modes",
            "username", "password", "secret", "maxInFlight", "timeoutSeconds");
    private static final int MIN_SECRET_LENGTH = 16;

    private ReceiverDefinitions() {
    }

    /** The receivers in the file's {@code receivers} list; none by default. Ids must be unique. */
    static List<MediaReceiver> listFrom(ConfigSection root) {
        List<MediaReceiver> receivers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigEntry entry : root.entries("receivers", "a list of receiver definitions")) {
            FieldErrors errors = new FieldErrors();
            MediaReceiver receiver = parse(entry.node(), errors);
            if (receiver == null) {
                FieldError first = errors.list().get(0);
                throw new ConfigException(entry.key() + first.pointer().replace('/', '.'), first.detail());
            }
            if (!ids.add(receiver.id())) {
                throw entry.error("id", "duplicate receiver id '" + receiver.id() + "'");
            }
            receivers.add(receiver);
        }
        return receivers;
    }

    /** The receiver {@code json} defines, or null with the reasons in {@code errors}. */
    public static MediaReceiver parse(JsonNode json, FieldErrors errors) {
        if (json == null || !json.isObject()) {
            errors.add("", "a receiver definition must be a JSON object");
            return null;
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add("/" + name, "unknown field; known fields are " + new java.util.TreeSet<>(FIELDS));
            }
        }
        String id = text(json, "id", true, errors);
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            errors.add("/id", "1 to 63 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        URI url = url(text(json, "url", true, errors), errors);
        String protocolName = text(json, "protocol", true, errors);
        ReceiverProtocol protocol = protocolName == null ? null
                : WireNamed.find(ReceiverProtocol.class, protocolName).orElse(null);
        if (protocolName != null && protocol == null) {
            errors.add("/protocol", "must be one of " + WireNamed.list(ReceiverProtocol.class) + ", got '"
                    + protocolName + "'");
        }
        String secret = text(json, "secret", false, errors);
        String username = text(json, "username", false, errors);
        String password = text(json, "password", false, errors);
        if (protocol == ReceiverProtocol.COMMONS_SOAP) {
            if (username == null || password == null) {
                errors.add(username == null ? "/username" : "/password",
                        "required for commons-soap (the WS-Security UsernameToken the receiver checks)");
            }
        } else if (protocol != null && (secret == null || secret.length() < MIN_SECRET_LENGTH)) {
            errors.add("/secret", "required for webhooks, at least " + MIN_SECRET_LENGTH
                    + " characters: it signs every delivery (HMAC-SHA256)");
        }
        AdvisoryFilter filter = new AdvisoryFilter(areas(json, errors),
                wireNames(json, "categories", Category.class, errors), wireNames(json, "modes", Mode.class, errors));
        int maxInFlight = number(json, "maxInFlight", DEFAULT_MAX_IN_FLIGHT, 1, 64, errors);
        int timeout = number(json, "timeoutSeconds", DEFAULT_TIMEOUT_SECONDS, 1, 120, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new MediaReceiver(id, text(json, "name", false, errors), url, protocol, filter, secret, username,
                password, maxInFlight, Duration.ofSeconds(timeout));
    }

    private static AreaFilter areas(JsonNode json, FieldErrors errors) {
        List<String> values = strings(json, "areas", errors);
        try {
            return AreaFilter.parse(values);
        } catch (IllegalArgumentException e) {
            errors.add("/areas", e.getMessage());
            return AreaFilter.EVERYWHERE;
        }
    }

    /** The wire names listed in {@code field}, each of which must name a constant of {@code type}. */
    private static <E extends Enum<E> & WireNamed> Set<E> wireNames(JsonNode json, String field, Class<E> type,
                                                                   FieldErrors errors) {
        Set<E> values = EnumSet.noneOf(type);
        for (String name : strings(json, field, errors)) {
            WireNamed.find(type, name).ifPresentOrElse(values::add, () -> errors.add("/" + field,
                    "'" + name + "' is not one of " + WireNamed.list(type)));
        }
        return values;
    }

    private static List<String> strings(JsonNode json, String field, FieldErrors errors) {
        JsonNode node = json.get(field);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            errors.add("/" + field, "must be a list of strings");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                errors.add("/" + field + "/" + i, "must be a string");
            } else {
                values.add(node.get(i).asText());
            }
        }
        return values;
    }

    private static URI url(String text, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                errors.add("/url", "must be an absolute http or https URL, got scheme '" + url.getScheme() + "'");
                return null;
            }
            return url;
        } catch (URISyntaxException e) {
            // not e.getMessage(): it quotes the whole input, credentials included
            errors.add("/url", "is not a URL: " + e.getReason() + " at index " + e.getIndex());
            return null;
        }
    }

    private static String text(JsonNode json, String field, boolean required, FieldErrors errors) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add("/" + field, "required");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            errors.add("/" + field, "must be a non-blank string");
            return null;
        }
        return node.asText().strip();
    }

    private static int number(JsonNode json, String field, int absent, int min, int max, FieldErrors errors) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
            errors.add("/" + field, "must be a whole number from " + min + " to " + max);
            return absent;
        }
        return node.asInt();
    }
}
