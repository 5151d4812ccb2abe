package jp.bousai.relay.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * TLS on the HTTP server, from PEM files; off when no certificate is configured. With TLS on, the
 * server offers HTTP/2 (ALPN) besides HTTP/1.1 and sends {@code Strict-Transport-Security}.
 *
 * @param certFile the certificate chain (PEM), server certificate first; null: TLS off
 * @param keyFile its private key (PEM, PKCS#8 or PKCS#1)
 * @param hstsMaxAge how long browsers must use HTTPS only (the HSTS {@code max-age})
 */
public record TlsOptions(Path certFile, Path keyFile, Duration hstsMaxAge) {

    public static final Duration DEFAULT_HSTS_MAX_AGE = Duration.ofDays(365);
    public static final TlsOptions OFF = new TlsOptions(null, null, DEFAULT_HSTS_MAX_AGE);

    /** Reads {@code http.tls}: both PEM files or neither, each readable. */
    public static TlsOptions from(ConfigSection tls) {
        String cert = tls.string("cert-file", null);
        String key = tls.string("key-file", null);
        Duration hstsMaxAge = tls.duration("hsts-max-age", DEFAULT_HSTS_MAX_AGE, Duration.ZERO);
        if (cert == null && key == null) {
            return new TlsOptions(null, null, hstsMaxAge);
        }
        if (cert == null || key == null) {
            throw tls.error(cert == null ? "cert-file" : "key-file",
                    "required when " + tls.key(cert == null ? "key-file" : "cert-file") + " is set");
        }
        return new TlsOptions(readable(tls, "cert-file", cert), readable(tls, "key-file", key), hstsMaxAge);
    }

    private static Path readable(ConfigSection tls, String name, String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw tls.error(name, "cannot read the PEM file " + path.toAbsolutePath());
        }
        return path;
    }

    public boolean enabled() {
        return certFile != null;
    }

    /** The {@code Strict-Transport-Security} header value. */
    public String hstsHeader() {
        return "max-age=" + hstsMaxAge.toSeconds();
    }
}
