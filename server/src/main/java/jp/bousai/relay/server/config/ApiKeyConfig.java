package jp.bousai.relay.server.config;

import java.security.cert.X509Certificate;
import java.util.List;
import jp.bousai.relay.core.area.JisCode;

/**
 * One API key: never the key itself, only the hex SHA-256 of it, with the sender it issues as,
 * the areas it may issue for (empty: the sender's own area) and, optionally, the certificate its
 * CAP alerts must be signed with (null: signatures optional).
 */
public record ApiKeyConfig(String id, String sha256, JisCode sender, List<JisCode> areas, boolean demo,
                           X509Certificate capCertificate) {

    public ApiKeyConfig {
        areas = List.copyOf(areas);
    }
}
