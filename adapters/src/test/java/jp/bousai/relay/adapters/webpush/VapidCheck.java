package jp.bousai.relay.adapters.webpush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a push service checks in {@code Authorization: vapid t=..., k=...} (RFC 8292): the key is
 * the one the subscription was made with, the JWT is ES256-signed by it, its {@code aud} is this
 * service's origin, {@code exp} is in the future and at most 24 hours ahead, and {@code sub} is a
 * contact. Test code, independent of {@link VapidTokens}.
 */
final class VapidCheck {

    private static final Pattern HEADER = Pattern.compile("^vapid\\s+t=([A-Za-z0-9_\\-.]+)\\s*,\\s*k=([A-Za-z0-9_\\-]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private VapidCheck() {
    }

    /** Null when the header passes, else why it does not (a 401 or 403 message). */
    static Problem problemWith(String authorization, ECPublicKey expectedKey, String origin, Instant now) {
        if (authorization == null) {
            return new Problem(401, "no Authorization header");
        }
        Matcher matcher = HEADER.matcher(authorization.strip());
        if (!matcher.matches()) {
            return new Problem(401, "not a vapid Authorization header");
        }
        ECPublicKey key;
        try {
            key = P256.publicKey(Base64Url.decode(matcher.group(2)));
        } catch (IllegalArgumentException e) {
            return new Problem(401, "k is not a P-256 public key");
        }
        if (!key.getW().equals(expectedKey.getW())) {
            return new Problem(403, "k is not the key the subscription was made with");
        }
        String[] parts = matcher.group(1).split("\\.");
        if (parts.length != 3) {
            return new Problem(401, "t is not a JWS");
        }
        try {
            JsonNode header = JSON.readTree(Base64Url.decode(parts[0]));
            if (!"ES256".equals(header.path("alg").asText())) {
                return new Problem(401, "alg is not ES256");
            }
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            byte[] signature = Base64Url.decode(parts[2]);
            if (signature.length != 64 || !verifier.verify(signature)) {
                return new Problem(401, "the JWT signature does not verify");
            }
            JsonNode claims = JSON.readTree(Base64Url.decode(parts[1]));
            if (!origin.equals(claims.path("aud").asText())) {
                return new Problem(401, "aud " + claims.path("aud") + " is not " + origin);
            }
            long exp = claims.path("exp").asLong(0);
            if (exp <= now.getEpochSecond() || exp > now.plus(Duration.ofHours(24)).getEpochSecond()) {
                return new Problem(401, "exp is not within the next 24 hours");
            }
            String sub = claims.path("sub").asText("");
            if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
                return new Problem(401, "sub is not a mailto: or https: contact");
            }
            return null;
        } catch (Exception e) {
            return new Problem(401, "malformed JWT: " + e.getMessage());
        }
    }

    record Problem(int status, String message) {
    }
}
