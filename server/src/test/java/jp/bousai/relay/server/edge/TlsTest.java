package jp.bousai.relay.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.Relay;
import jp.bousai.relay.server.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from PEM files made in the test with openssl: a client that trusts the certificate gets
 * HTTP/2 through ALPN (and HTTP/1.1 when it asks for it), with HSTS; a handshake left half-open
 * is closed within {@code limits.tls-handshake-timeout}.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class TlsTest {

    @TempDir
    Path dir;

    private void selfSignedCertificate(Path cert, Path key) throws Exception {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as("openssl: " + output).isZero();
    }

    /** A relay serving HTTPS with a certificate made now ({@code cert.pem} in the test's folder). */
    private Relay startOverTls(Vertx vertx, Map<String, String> more) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        selfSignedCertificate(cert, key);
        Map<String, String> environment = new java.util.HashMap<>(Map.of("BOUSAI_HTTP_PORT", "0",
                "BOUSAI_HTTP_HOST", "127.0.0.1", "BOUSAI_HTTP_INSTANCES", "1",
                "BOUSAI_DATA_DIR", dir.resolve("data").toString(), "BOUSAI_MQTT_MODE", "off",
                "BOUSAI_HTTP_TLS_CERT_FILE", cert.toString(), "BOUSAI_HTTP_TLS_KEY_FILE", key.toString()));
        environment.putAll(more);
        return Relay.start(vertx, ConfigLoader.loadBundled(environment), Clock.systemUTC()).await(30, TimeUnit.SECONDS);
    }

    @Test
    void anAbandonedHandshakeIsClosedWithinTheHandshakeTimeout(Vertx vertx) throws Exception {
        Relay relay = startOverTls(vertx, Map.of("BOUSAI_LIMITS_TLS_HANDSHAKE_TIMEOUT", "1s"));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", relay.port())) {
            // Vert.x's own default would keep it for 10 s: 6 s tells the two apart, with slack for a loaded machine
            socket.setSoTimeout(6_000);
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (java.net.SocketException reset) {
                read = -1;
            } catch (java.net.SocketTimeoutException open) {
                throw new AssertionError("a connection that never sent its ClientHello is still open after 6 s", open);
            }
            assertThat(read).as("closed, nothing sent").isEqualTo(-1);
        } finally {
            relay.stop().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void servesHttp2OverTlsWithHstsAndHttp11ToClientsThatAskForIt(Vertx vertx) throws Exception {
        Relay relay = startOverTls(vertx, Map.of());
        Path cert = dir.resolve("cert.pem");
        try {
            HttpClientOptions tls = new HttpClientOptions().setSsl(true).setUseAlpn(true)
                    .setTrustOptions(new PemTrustOptions().addCertPath(cert.toString()));
            for (HttpVersion version : new HttpVersion[] {HttpVersion.HTTP_2, HttpVersion.HTTP_1_1}) {
                var client = vertx.createHttpClient(new HttpClientOptions(tls).setProtocolVersion(version));
                Buffer[] body = new Buffer[1];
                HttpClientResponse response = client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost("127.0.0.1").setPort(relay.port()).setURI("/api/v1/advisories"))
                        .compose(request -> request.send().compose(answer -> answer.body().map(read -> {
                            body[0] = read;
                            return answer;
                        }))).await(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.version()).isEqualTo(version);
                assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
                assertThat(body[0].toString()).startsWith("{\"headSeq\":0");
                client.close().await(10, TimeUnit.SECONDS);
            }
        } finally {
            relay.stop().await(30, TimeUnit.SECONDS);
        }
    }
}
