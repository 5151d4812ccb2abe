package jp.bousai.relay.server.config;

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

    public boolean enabled() {
        return certFile != null;
    }

    /** The {@code Strict-Transport-Security} header value. */
    public String hstsHeader() {
        return "max-age=" + hstsMaxAge.toSeconds();
    }
}
