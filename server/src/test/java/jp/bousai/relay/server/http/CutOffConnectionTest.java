package jp.bousai.relay.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.CutOffs;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stream subscriber cut off for being slow loses its connection, not only its response: the
 * kernel then frees what it holds for it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CutOffConnectionTest extends RelayTest {

    @Override
    protected Map<String, String> environment() {
        return Map.of("BOUSAI_STREAM_MAX_PENDING_BYTES", "65536");
    }

    /** A stream on a raw socket with a small receive buffer, not read until the test reads it. */
    private Socket stalledStream() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", relay.port()));
        socket.getOutputStream().write("GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /**
     * A WebSocket on a raw socket with a small receive buffer, subscribed to everything, not read
     * after its handshake.
     */
    private Socket stalledWebSocket() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", relay.port()));
        socket.getOutputStream().write(("GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(status).isEqualTo("HTTP/1.1 101");
        socket.getOutputStream().write(maskedFrame(0x81,
                "{\"type\":\"subscribe\",\"id\":\"all\"}".getBytes(StandardCharsets.UTF_8)));
        socket.getOutputStream().flush();
        return socket;
    }

    /** A client's frame (clients must mask), final, with a payload under 126 bytes. */
    private static byte[] maskedFrame(int finalAndOpcode, byte[] payload) {
        byte[] mask = {0x1f, 0x2e, 0x3d, 0x4c};
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) finalAndOpcode;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    private void cutOff(Vertx vertx) throws Exception {
        cutOff("sse");
    }

    private void cutOff(String transport) throws Exception {
        CutOffs.postUntilCutOff(relay, transport).toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
    }

    @Test
    void aCutOffSubscriberThatReadsItsEndHasItsConnectionClosed(Vertx vertx) throws Exception {
        try (Socket socket = stalledStream()) {
            cutOff(vertx);
            socket.setSoTimeout(15_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65_536];
            StringBuilder tail = new StringBuilder();
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    tail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (tail.length() > 4096) {
                        tail.delete(0, tail.length() - 4096);
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the connection was left open after the cut-off", e);
            }
            assertThat(tail.toString()).contains("event: cutoff");
        }
    }

    @Test
    void aCutOffSubscriberThatNeverReadsHasItsConnectionClosedAfterTheGracePeriod(Vertx vertx) throws Exception {
        try (Socket socket = stalledStream()) {
            cutOff(vertx);
            // Reading would make it a reader, and the kernel hands over buffered bytes before a
            // reset: probe by writing instead, which fails once the server has closed the connection.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean closed = false;
            while (!closed && System.nanoTime() < deadline) {
                try {
                    socket.getOutputStream().write('\n');
                    socket.getOutputStream().flush();
                    Thread.sleep(250);
                } catch (SocketException e) {
                    closed = true;
                }
            }
            assertThat(closed).as("the server closed the connection of a subscriber that never reads").isTrue();
        }
    }

    @Test
    void aCutOffWebSocketThatNeverReadsHasItsConnectionClosedAfterTheGracePeriod() throws Exception {
        try (Socket socket = stalledWebSocket()) {
            cutOff("ws");
            // probe with valid ping frames (anything else would be a protocol error the server closes for)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean closed = false;
            while (!closed && System.nanoTime() < deadline) {
                try {
                    socket.getOutputStream().write(maskedFrame(0x89, new byte[0]));
                    socket.getOutputStream().flush();
                    Thread.sleep(250);
                } catch (SocketException e) {
                    closed = true;
                }
            }
            assertThat(closed).as("the server closed the connection of a WebSocket that never reads").isTrue();
        }
    }
}
