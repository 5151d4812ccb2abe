package jp.bousai.relay.feeds.ws;

import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.http.FilterParams;

/**
 * A client's message on the WebSocket stream: {@code subscribe} (with the same filters and
 * options as the SSE stream's query) or {@code unsubscribe}.
 */
record AdvisoryStreamRequest(String type, String id, AdvisoryFilter filter, Long since, boolean snapshot) {

    /** At most this many characters in a client message. */
    static final int MAX_LENGTH = 16 * 1024;

    /** @throws ProblemException naming what is wrong */
    static AdvisoryStreamRequest parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ProblemException(ProblemType.MALFORMED, "a message has at most " + MAX_LENGTH + " characters");
        }
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new ProblemException(ProblemType.MALFORMED, "a message is a JSON object, e.g. "
                    + "{\"type\":\"subscribe\",\"area\":[\"13\"]}");
        }
        String type = message.getValue("type") instanceof String t ? t : null;
        String id = message.getValue("id") instanceof String i ? i : null;
        if ("unsubscribe".equals(type)) {
            return new AdvisoryStreamRequest(type, id, null, null, false);
        }
        if (!"subscribe".equals(type)) {
            throw new ProblemException(ProblemType.MALFORMED, "type must be subscribe or unsubscribe, got '" + type + "'");
        }
        MultiMap params = MultiMap.caseInsensitiveMultiMap();
        for (String name : new String[] {"area", "category", "mode"}) {
            Object value = message.getValue(name);
            if (value instanceof JsonArray array) {
                array.forEach(item -> params.add(name, String.valueOf(item)));
            } else if (value != null) {
                params.add(name, String.valueOf(value));
            }
        }
        Object since = message.getValue("since");
        Object snapshot = message.getValue("snapshot");
        if (snapshot != null && !(snapshot instanceof Boolean)) {
            throw new ProblemException(ProblemType.MALFORMED, "snapshot must be true or false");
        }
        return new AdvisoryStreamRequest(type, id, FilterParams.parse(params),
                since == null ? null : FilterParams.sequenceNumber("since", String.valueOf(since)),
                Boolean.TRUE.equals(snapshot));
    }
}
