package jp.bousai.relay.adapters.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.auth.Issuer;
import org.junit.jupiter.api.Test;

class UsernameTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-09-01T01:00:00Z");
    private static final Issuer CHIYODA = Issuer.forSender("demo-chiyoda", JisCode.parse("131016"));
    private final UsernameTokenVerifier verifier = new UsernameTokenVerifier(
            Map.of("demo-chiyoda", new UsernameTokenVerifier.User("demo-chiyoda-pass", CHIYODA)),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    /** A token as a sender builds it: digest = Base64(SHA-1(nonce + created + password)). */
    static UsernameToken token(String user, String password, String nonce, String created) {
        byte[] nonceBytes = nonce.getBytes();
        String digest = Base64.getEncoder().encodeToString(UsernameTokenVerifier.digest(nonceBytes, created, password));
        return new UsernameToken(user, UsernameToken.PASSWORD_DIGEST, digest,
                Base64.getEncoder().encodeToString(nonceBytes), created);
    }

    private static String faultOf(Runnable verification) {
        try {
            verification.run();
            return "accepted";
        } catch (SoapFault fault) {
            return fault.code() + ": " + fault.reason();
        }
    }

    @Test
    void acceptsAFreshTokenWithTheRightDigest() {
        assertThat(verifier.verify(token("demo-chiyoda", "demo-chiyoda-pass", "n-1", "2026-09-01T10:00:00+09:00")))
                .isEqualTo(CHIYODA);
    }

    @Test
    void refusesUnknownUsersAndWrongPasswordsAlike() {
        assertThat(faultOf(() -> verifier.verify(token("mallory", "demo-chiyoda-pass", "n-2", "2026-09-01T01:00:00Z"))))
                .isEqualTo("wsse:FailedAuthentication: unknown user or wrong password digest");
        assertThat(faultOf(() -> verifier.verify(token("demo-chiyoda", "guess", "n-3", "2026-09-01T01:00:00Z"))))
                .isEqualTo("wsse:FailedAuthentication: unknown user or wrong password digest");
    }

    @Test
    void refusesCreatedOutsideTheWindowEitherWay() {
        assertThat(faultOf(() -> verifier.verify(token("demo-chiyoda", "demo-chiyoda-pass", "n-4", "2026-09-01T00:54:59Z"))))
                .startsWith("wsse:MessageExpired");
        assertThat(faultOf(() -> verifier.verify(token("demo-chiyoda", "demo-chiyoda-pass", "n-5", "2026-09-01T01:05:01Z"))))
                .startsWith("wsse:MessageExpired");
        assertThat(faultOf(() -> verifier.verify(token("demo-chiyoda", "demo-chiyoda-pass", "n-6", "2026-09-01T00:55:01Z"))))
                .isEqualTo("accepted");
    }

    @Test
    void refusesAReplayedNonce() {
        UsernameToken token = token("demo-chiyoda", "demo-chiyoda-pass", "n-7", "2026-09-01T01:00:00Z");
        verifier.verify(token);
        assertThat(faultOf(() -> verifier.verify(token))).contains("already used");
    }

    @Test
    void refusesPlainTextPasswordsAndIncompleteTokens() {
        UsernameToken token = token("demo-chiyoda", "demo-chiyoda-pass", "n-8", "2026-09-01T01:00:00Z");
        assertThat(faultOf(() -> verifier.verify(new UsernameToken(token.username(),
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText",
                "demo-chiyoda-pass", token.nonce(), token.created())))).contains("only PasswordDigest");
        assertThat(faultOf(() -> verifier.verify(new UsernameToken(token.username(), token.passwordType(),
                token.password(), null, token.created())))).startsWith("wsse:InvalidSecurity");
        assertThat(faultOf(() -> verifier.verify(new UsernameToken(token.username(), token.passwordType(),
                "%%%not-base64", token.nonce(), token.created())))).startsWith("wsse:FailedAuthentication");
        assertThat(faultOf(() -> verifier.verify(new UsernameToken(token.username(), token.passwordType(),
                token.password(), token.nonce(), "yesterday")))).contains("Created must be a date-time");
    }
}
