package jp.bousai.relay.server.config;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import jp.bousai.relay.adapters.mqtt.MqttTls;

/**
 * Reads {@code mqtt.external.tls} into the adapter's {@link MqttTls} (which cannot know the
 * configuration): PEM files, checked by building the socket factory once, each error naming its key.
 */
final class MqttTlsSection {

    private MqttTlsSection() {
    }

    /** The TLS settings, or null when none is set (the JVM's defaults). */
    static MqttTls read(ConfigSection tls, String uri) {
        String caFile = tls.string("ca-file", null);
        String certFile = tls.string("cert-file", null);
        String keyFile = tls.string("key-file", null);
        if (caFile == null && certFile == null && keyFile == null) {
            return null;
        }
        String first = caFile != null ? "ca-file" : certFile != null ? "cert-file" : "key-file";
        if (!uri.startsWith("ssl://") && !uri.startsWith("wss://")) {
            throw tls.error(first, "needs an ssl:// or wss:// mqtt.external.uri, got '" + uri + "'");
        }
        if ((certFile == null) != (keyFile == null)) {
            throw tls.error(certFile == null ? "cert-file" : "key-file",
                    "required with " + tls.key(certFile == null ? "key-file" : "cert-file"));
        }
        List<X509Certificate> trusted = caFile == null ? List.of()
                : pem(tls, "ca-file", () -> MqttTls.readCertificates(Path.of(caFile)));
        List<X509Certificate> chain = certFile == null ? List.of()
                : pem(tls, "cert-file", () -> MqttTls.readCertificates(Path.of(certFile)));
        PrivateKey clientKey = keyFile == null ? null
                : pem(tls, "key-file", () -> MqttTls.readPrivateKey(Path.of(keyFile)));
        MqttTls result = new MqttTls(trusted, chain, clientKey);
        try {
            result.socketFactory();
        } catch (IllegalArgumentException e) {
            throw tls.error(first, e.getMessage());
        }
        return result;
    }

    private interface PemRead<T> {
        T read() throws IOException;
    }

    private static <T> T pem(ConfigSection tls, String name, PemRead<T> read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw tls.error(name, "cannot read: " + e);
        } catch (IllegalArgumentException e) {
            throw tls.error(name, e.getMessage());
        }
    }
}
