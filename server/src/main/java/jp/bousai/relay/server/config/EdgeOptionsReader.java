package jp.bousai.relay.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@link EdgeOptions} (the {@code http.tls}, {@code http.cors} and shutdown keys). */
final class EdgeOptionsReader {

    /** An origin as browsers send it: scheme, host and an optional port, nothing else. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?");

    private EdgeOptionsReader() {
    }

    static EdgeOptions read(ConfigSource source) {
        return new EdgeOptions(tls(source),
                new CorsOptions(origins(source, "http.cors.public-origins", CorsOptions.DEFAULT_PUBLIC_ORIGINS),
                        origins(source, "http.cors.authenticated-origins", List.of())),
                source.bool("http.trust-forwarded-headers", false),
                source.duration("http.shutdown-delay", EdgeOptions.DEFAULT_SHUTDOWN_DELAY, Duration.ZERO),
                source.duration("http.shutdown-grace", EdgeOptions.DEFAULT_SHUTDOWN_GRACE, Duration.ZERO));
    }

    private static TlsOptions tls(ConfigSource source) {
        String cert = source.string("http.tls.cert-file", null);
        String key = source.string("http.tls.key-file", null);
        Duration hstsMaxAge = source.duration("http.tls.hsts-max-age", TlsOptions.DEFAULT_HSTS_MAX_AGE, Duration.ZERO);
        if (cert == null && key == null) {
            return new TlsOptions(null, null, hstsMaxAge);
        }
        if (cert == null || key == null) {
            throw new ConfigException(cert == null ? "http.tls.cert-file" : "http.tls.key-file",
                    "required when " + (cert == null ? "http.tls.key-file" : "http.tls.cert-file") + " is set");
        }
        return new TlsOptions(readable(cert, "http.tls.cert-file"), readable(key, "http.tls.key-file"), hstsMaxAge);
    }

    private static Path readable(String file, String key) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(key, "cannot read the PEM file " + path.toAbsolutePath());
        }
        return path;
    }

    private static List<String> origins(ConfigSource source, String key, List<String> defaults) {
        List<String> origins = source.list(key, defaults);
        for (String origin : origins) {
            if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
                throw new ConfigException(key, "an origin is * or scheme://host[:port] without a path, got '"
                        + origin + "'");
            }
        }
        return origins;
    }
}
