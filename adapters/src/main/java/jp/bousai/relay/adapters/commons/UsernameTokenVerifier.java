package jp.bousai.relay.adapters.commons;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.store.NonceStore;

/**
 * Checks WS-Security UsernameTokens with PasswordDigest: a known user, a digest that matches,
 * a {@code Created} within the window of now (either way), and a nonce not seen within the
 * window. Nonces are remembered for the window, at most {@link #MAX_NONCES}; when that many are
 * live, new requests are refused until some expire, rather than forgetting one (which would let
 * a replay through). Each nonce is also recorded in a {@link NonceStore} before its token is
 * accepted, so that a token captured before a restart cannot be replayed after it. Thread-safe.
 */
public final class UsernameTokenVerifier {

    public static final int MAX_NONCES = 100_000;

    /** A SOAP user: its password (PasswordDigest needs it in the clear) and who it issues as. */
    public record User(String password, Issuer issuer) {
    }

    private final Map<String, User> users;
    private final Clock clock;
    private final Duration window;
    private final LinkedHashMap<String, Instant> nonces = new LinkedHashMap<>();
    private final NonceStore store;

    /** A verifier whose nonces live only in memory: for tests and tools, not for a server. */
    public UsernameTokenVerifier(Map<String, User> users, Clock clock, Duration window) {
        this(users, clock, window, NonceStore.NONE);
    }

    /** @param store where nonces are kept durably for the replay window */
    public UsernameTokenVerifier(Map<String, User> users, Clock clock, Duration window, NonceStore store) {
        this.users = Map.copyOf(users);
        this.clock = clock;
        this.window = window;
        this.store = store;
    }

    /** @throws SoapFault wsse:FailedAuthentication, wsse:MessageExpired or wsse:InvalidSecurity */
    public Issuer verify(UsernameToken token) {
        if (token.username() == null || token.password() == null || token.nonce() == null || token.created() == null) {
            throw new SoapFault("wsse:InvalidSecurity", "the UsernameToken needs Username, Password (PasswordDigest), "
                    + "Nonce and Created");
        }
        if (!UsernameToken.PASSWORD_DIGEST.equals(token.passwordType())) {
            throw new SoapFault("wsse:InvalidSecurity", "only PasswordDigest passwords are accepted, got Type '"
                    + token.passwordType() + "'");
        }
        Instant created = created(token.created());
        Instant now = clock.instant();
        if (created.isBefore(now.minus(window)) || created.isAfter(now.plus(window))) {
            throw new SoapFault("wsse:MessageExpired", "Created " + token.created() + " is more than "
                    + window.toSeconds() + " s from the server's time " + now);
        }
        User user = users.get(token.username());
        byte[] nonce = nonce(token.nonce());
        if (user == null || !MessageDigest.isEqual(digest(nonce, token.created(), user.password()),
                decodeOrEmpty(token.password()))) {
            throw new SoapFault("wsse:FailedAuthentication", "unknown user or wrong password digest");
        }
        String key = token.username() + " " + base64(token.nonce());
        remember(key, now);
        rememberDurably(key, now);
        return user.issuer();
    }

    /**
     * A token stays acceptable until its Created is a window behind the clock, and Created may be a
     * window ahead: its nonce is kept for two windows.
     */
    private void rememberDurably(String key, Instant now) {
        boolean first;
        try {
            first = store.remember(key, now, now.plus(window.multipliedBy(2)));
        } catch (RuntimeException e) {
            throw new SoapFault("soap:Server", "the nonce could not be recorded; retry shortly");
        }
        if (!first) {
            throw new SoapFault("wsse:FailedAuthentication", "this nonce was already used: a replayed message");
        }
    }

    private synchronized void remember(String key, Instant now) {
        for (Iterator<Instant> seen = nonces.values().iterator(); seen.hasNext(); ) {
            if (seen.next().isBefore(now.minus(window.multipliedBy(2)))) {
                seen.remove();
            } else {
                break;
            }
        }
        if (nonces.containsKey(key)) {
            throw new SoapFault("wsse:FailedAuthentication", "this nonce was already used: a replayed message");
        }
        if (nonces.size() >= MAX_NONCES) {
            throw new SoapFault("wsse:FailedAuthentication", "too many requests within the replay window; retry shortly");
        }
        nonces.put(key, now);
    }

    /** Base64(SHA-1(nonce + created + password)), as the UsernameToken profile defines it. */
    public static byte[] digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return sha1.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JVM", e);
        }
    }

    private static Instant created(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new SoapFault("wsse:InvalidSecurity", "Created must be a date-time with an offset, got '" + text + "'");
        }
    }

    private static byte[] nonce(String text) {
        try {
            return Base64.getDecoder().decode(base64(text));
        } catch (IllegalArgumentException e) {
            throw new SoapFault("wsse:InvalidSecurity", "the Nonce must be Base64");
        }
    }

    private static byte[] decodeOrEmpty(String text) {
        try {
            return Base64.getDecoder().decode(base64(text));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static String base64(String text) {
        return text.replaceAll("\\s", "");
    }
}
