package jp.bousai.relay.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.bousai.relay.core.area.JisCode;

/**
 * One API key: never the key itself, only the hex SHA-256 of it, with the sender it issues as,
 * the areas it may issue for (empty: the sender's own area) and, optionally, the certificate its
 * CAP alerts must be signed with (null: signatures optional).
 */
public record ApiKeyConfig(String id, String sha256, JisCode sender, List<JisCode> areas, boolean demo,
                           X509Certificate capCertificate) {

    private static final Set<String> FIELDS = Set.of("id", "sha256", "sender", "areas", "demo", "cap-certificate");

    public ApiKeyConfig {
        areas = List.copyOf(areas);
    }

    /** The keys in {@code auth.api-keys}; none by default. Ids and keys must be unique. */
    public static List<ApiKeyConfig> listFrom(ConfigSection auth) {
        List<ApiKeyConfig> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (ConfigEntry entry : auth.entries("api-keys", "a list of keys")) {
            entry.fieldsAmong(FIELDS);
            String id = entry.text("id");
            String sha256 = entry.sha256();
            if (!ids.add(id) || !hashes.add(sha256)) {
                throw new ConfigException(entry.key(), "duplicate id or key: '" + id + "'");
            }
            String certificateFile = entry.optionalText("cap-certificate");
            keys.add(new ApiKeyConfig(id, sha256, entry.code("sender"), entry.areas(), entry.bool("demo", false),
                    certificateFile == null ? null : certificate(certificateFile, entry.key() + ".cap-certificate")));
        }
        return keys;
    }

    /** An X.509 certificate from a PEM (or DER) file. */
    private static X509Certificate certificate(String file, String key) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read certificate file " + file + ": " + e.getMessage());
        } catch (CertificateException e) {
            throw new ConfigException(key, "file " + file + " is not an X.509 certificate (PEM or DER): "
                    + e.getMessage());
        }
    }
}
