package jp.bousai.relay.adapters.webpush;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request to a push service: {@code POST endpoint} with these headers and this
 * encrypted body. Whatever HTTP client sends it adds {@code Content-Length}.
 */
public record PushMessage(URI endpoint, Map<String, String> headers, byte[] body) {

    public PushMessage {
        headers = Map.copyOf(headers);
    }
}
