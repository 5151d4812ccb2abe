package jp.bousai.relay.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.server.config.ApiKeyConfig;

/**
 * Bearer API keys. Keys are looked up by their SHA-256, so the server never holds a key in
 * plain text; a key is a random secret, for which one hash round is enough.
 */
public final class ApiKeys {

    private final Map<String, Issuer> byHash = new HashMap<>();

    public ApiKeys(List<ApiKeyConfig> keys) {
        for (ApiKeyConfig key : keys) {
            Issuer issuer = key.areas().isEmpty()
                    ? Issuer.forSender(key.id(), key.sender())
                    : new Issuer(key.id(), key.sender(), key.areas());
            byHash.put(key.sha256(), issuer);
        }
    }

    /**
     * The issuer of an {@code Authorization} header value.
     *
     * @throws ProblemException {@code UNAUTHORIZED} when the header is missing, not a bearer
     *         token or not a known key
     */
    public Issuer authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED,
                    "no credentials: send the header 'Authorization: Bearer <API key>'");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED,
                    "the Authorization header must be 'Bearer <API key>'");
        }
        Issuer issuer = byHash.get(sha256(authorization.substring(7).trim()));
        if (issuer == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "the API key is not known to this server");
        }
        return issuer;
    }

    /** The hex SHA-256 of a key, as the configuration stores it. */
    public static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
