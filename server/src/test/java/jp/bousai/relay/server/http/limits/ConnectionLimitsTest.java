package jp.bousai.relay.server.http.limits;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connection hygiene over real sockets on loopback: timeouts and the per-address cap. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionLimitsTest extends RelayTest {

    private static final int BOUND_MILLIS = 500;
    /** How long past a bound the server may take to close (its sweep runs every bound / 4). */
    private static final int SLACK_MILLIS = 4_000;
    private static final int MAX_CONNECTIONS = 4;

    @Override
    protected Map<String, String> environment() {
        return Map.of("BOUSAI_LIMITS_HEADER_TIMEOUT", BOUND_MILLIS + "ms",
                "BOUSAI_LIMITS_BODY_TIMEOUT", BOUND_MILLIS + "ms",
                "BOUSAI_LIMITS_IDLE_TIMEOUT", BOUND_MILLIS + "ms",
                "BOUSAI_LIMITS_MAX_CONNECTIONS_PER_ADDRESS", Integer.toString(MAX_CONNECTIONS),
                "BOUSAI_STREAM_HEARTBEAT", "100ms");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", relay.port());
        socket.setSoTimeout(BOUND_MILLIS + SLACK_MILLIS);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads until the server closes; fails if it has not within the bound and the slack. */
    private static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder read = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection; read: " + read, e);
        } catch (IOException reset) {
            // a reset is a close too
        }
        return read.toString();
    }

    @Test
    void aRequestWhoseHeadersStopHalfWayIsClosedWithinTheHeaderTimeout() throws IOException {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            send(socket, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            assertThat(readUntilClosed(socket)).isEmpty();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(BOUND_MILLIS);
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedWithinTheHeaderTimeout() throws IOException {
        try (Socket socket = connect()) {
            assertThat(readUntilClosed(socket)).isEmpty();
        }
    }

    @Test
    void aRequestWhoseBodyStopsHalfWayIsClosedWithinTheBodyTimeout() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST /api/v1/advisories HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + CHIYODA_KEY + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"type\":");
            assertThat(readUntilClosed(socket)).doesNotContain("201");
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aStreamOutlivesTheIdleTimeoutWithItsHeartbeat() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            InputStream in = socket.getInputStream();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS * 6L);
            int bytes = 0;
            byte[] buffer = new byte[1024];
            while (System.nanoTime() < until) {
                int n = in.read(buffer);
                assertThat(n).as("the stream is still open after %d bytes", bytes).isPositive();
                bytes += n;
            }
            send(socket, "");
        }
    }

    @Test
    void connectionsPastTheCapPerAddressAreRefusedAndAClosedOneFreesItsPlace() throws IOException {
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                Socket socket = connect();
                send(socket, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                        .isEqualTo("HTTP/1.1 200");
                open.add(socket);
            }
            try (Socket refused = connect()) {
                send(refused, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                assertThat(readUntilClosed(refused)).as("no answer past the cap").isEmpty();
            }
            open.remove(0).close();
            assertThat(answersOnANewConnectionWithin(SLACK_MILLIS)).isTrue();
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    @Test
    void aRequestForAnUpgradeItDoesNotGetIsStillClosedAfterTheIdleTimeout() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n" + WEBSOCKET_HEADERS + "\r\n");
            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aWebSocketOutlivesTheIdleTimeoutAndClosedOnesFreeTheirPlaces() throws IOException {
        for (int round = 0; round < 2; round++) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < MAX_CONNECTIONS; i++) {
                    sockets.add(openWebSocketWithin(SLACK_MILLIS));
                }
                Socket first = sockets.get(0);
                first.setSoTimeout(BOUND_MILLIS);
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS * 4L);
                while (System.nanoTime() < until) {
                    try {
                        assertThat(first.getInputStream().read(new byte[256])).as("the WebSocket is still open")
                                .isPositive();
                    } catch (SocketTimeoutException quiet) {
                        // nothing to read, and not closed
                    }
                }
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    private static final String WEBSOCKET_HEADERS = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

    /**
     * A WebSocket on a new connection, retried until the deadline: the places of connections
     * closed just before are freed when the server sees their close, asynchronously.
     */
    private Socket openWebSocketWithin(long millis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            Socket socket = connect();
            send(socket, "GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\n" + WEBSOCKET_HEADERS + "\r\n");
            byte[] status = socket.getInputStream().readNBytes(12);
            if (new String(status, StandardCharsets.US_ASCII).equals("HTTP/1.1 101")) {
                return socket;
            }
            socket.close();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no WebSocket place was free within " + millis + " ms");
            }
        }
    }

    /** Whether a new connection gets an answer before the deadline (the server sees a close asynchronously). */
    private boolean answersOnANewConnectionWithin(long millis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            try (Socket socket = connect()) {
                send(socket, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                if (readUntilClosed(socket).startsWith("HTTP/1.1 200")) {
                    return true;
                }
            }
        }
        return false;
    }
}
