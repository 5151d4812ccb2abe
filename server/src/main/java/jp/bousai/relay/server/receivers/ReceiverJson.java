package jp.bousai.relay.server.receivers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.bousai.relay.adapters.media.MediaReceiver;
import jp.bousai.relay.server.config.ReceiverDefinitions;

/**
 * A receiver written back as its {@link ReceiverDefinitions definition}: with secrets for the
 * store, without them (and with credentials in the URL hidden) for the admin API's answers.
 */
public final class ReceiverJson {

    private ReceiverJson() {
    }

    /** The definition as JSON; with {@code withSecrets} false, secrets and passwords are left out. */
    public static ObjectNode toJson(MediaReceiver receiver, boolean withSecrets) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", receiver.id());
        if (receiver.name() != null) {
            json.put("name", receiver.name());
        }
        json.put("url", withSecrets ? receiver.url().toString() : ReceiverUrls.redacted(receiver.url()));
        json.put("protocol", receiver.protocol().wireName());
        var areas = json.putArray("areas");
        receiver.filter().areas().prefectures().forEach(areas::add);
        receiver.filter().areas().municipalities().forEach(code -> areas.add(code.value()));
        var categories = json.putArray("categories");
        receiver.filter().categories().stream().sorted().forEach(category -> categories.add(category.wireName()));
        var modes = json.putArray("modes");
        receiver.filter().modes().stream().sorted().forEach(mode -> modes.add(mode.wireName()));
        if (receiver.username() != null) {
            json.put("username", receiver.username());
        }
        if (withSecrets) {
            if (receiver.password() != null) {
                json.put("password", receiver.password());
            }
            if (receiver.secret() != null) {
                json.put("secret", receiver.secret());
            }
        }
        json.put("maxInFlight", receiver.maxInFlight());
        json.put("timeoutSeconds", receiver.timeout().toSeconds());
        return json;
    }
}
