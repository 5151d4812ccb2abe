package jp.bousai.relay.server.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-address limit is checked first: before credentials, and before the body is read. A
 * client announces a large body and sends none; over the limit, it is answered 429 at once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AddressLimitTest extends RelayTest {

    @Override
    protected Map<String, String> environment() {
        return Map.of("BOUSAI_LIMITS_ADDRESS_RATE", "1", "BOUSAI_LIMITS_ADDRESS_BURST", "2");
    }

    /** Sends only the headers of a request with an unknown key and a 1 MB body; gives the status line. */
    private String headersOnly() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", relay.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST /api/v1/advisories HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer no-such-key\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            for (int b; (b = in.read()) >= 0 && !head.toString().endsWith("\r\n\r\n"); ) {
                head.append((char) b);
            }
            return head.toString();
        }
    }

    @Test
    void anAddressOverItsLimitGets429BeforeCredentialsAndBeforeItsBody() throws IOException {
        assertThat(headersOnly()).startsWith("HTTP/1.1 401");
        assertThat(headersOnly()).startsWith("HTTP/1.1 401");
        String third = headersOnly();
        assertThat(third).startsWith("HTTP/1.1 429").contains("Retry-After: ")
                .contains("content-type: application/problem+json");
    }
}
