package jp.bousai.relay.adapters.webpush;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Authorization: vapid t=<JWT>, k=<public key>} header of RFC 8292. The JWT is ES256
 * over {@code {"typ":"JWT","alg":"ES256"}} and {@code {"aud":<origin of the endpoint>,
 * "exp":<now + lifetime>,"sub":<contact>}}; its signature is the 64-byte JOSE form
 * {@code r || s}, which the JDK writes directly ({@code SHA256withECDSAinP1363Format}), so no
 * DER conversion is needed here.
 *
 * <p>Signing costs far more than encrypting's symmetric part, and a fan-out sends thousands of
 * pushes to a handful of push-service origins, so a header is reused per origin until half of
 * its lifetime is gone; at most {@link #MAX_CACHED_ORIGINS} origins are kept. Thread-safe.
 */
public final class VapidTokens {

    /** ES256 with the signature as JOSE wants it: r and s, 32 bytes each. */
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSAinP1363Format";
    static final int MAX_CACHED_ORIGINS = 256;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = Base64Url.encode("{\"typ\":\"JWT\",\"alg\":\"ES256\"}"
            .getBytes(StandardCharsets.US_ASCII));

    private final VapidKeys keys;
    private final String subject;
    private final Duration lifetime;
    private final Clock clock;
    private final String publicKey;
    private final Map<String, Cached> byOrigin = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_CACHED_ORIGINS;
        }
    };

    public VapidTokens(VapidKeys keys, VapidOptions options, Clock clock) {
        this.keys = keys;
        this.subject = options.subject();
        this.lifetime = options.tokenLifetime();
        this.clock = clock;
        this.publicKey = keys.publicKeyBase64Url();
    }

    /** The {@code Authorization} header value for a push to {@code endpoint}. */
    public String authorization(URI endpoint) {
        String audience = origin(endpoint);
        Instant now = clock.instant();
        synchronized (byOrigin) {
            Cached cached = byOrigin.get(audience);
            if (cached != null && now.isBefore(cached.renewAt())) {
                return cached.header();
            }
        }
        Instant expiry = now.plus(lifetime);
        String header = "vapid t=" + token(audience, expiry) + ", k=" + publicKey;
        synchronized (byOrigin) {
            byOrigin.put(audience, new Cached(header, now.plus(lifetime.dividedBy(2))));
        }
        return header;
    }

    /** A signed JWT for {@code audience} expiring at {@code expiry} (whole seconds). */
    String token(String audience, Instant expiry) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience);
        claims.put("exp", expiry.getEpochSecond());
        claims.put("sub", subject);
        try {
            String signingInput = HEADER + "." + Base64Url.encode(JSON.writeValueAsBytes(claims));
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(keys.privateKey());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64Url.encode(signer.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    /** The origin of a push endpoint, as {@code aud} must be: scheme, host and a non-default port. */
    public static String origin(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (scheme == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("a push endpoint must be an absolute http(s) URL: " + endpoint);
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private record Cached(String header, Instant renewAt) {
    }
}
