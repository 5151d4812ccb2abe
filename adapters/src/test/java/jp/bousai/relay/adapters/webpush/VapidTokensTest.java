package jp.bousai.relay.adapters.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VapidTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final URI ENDPOINT = URI.create("https://push.example.net:8443/wpush/v2/abc?x=1");

    private final SecureRandom random = new SecureRandom();
    private final VapidKeys keys = VapidKeys.generate(random);
    private final MutableClock clock = new MutableClock(NOW);
    private final VapidTokens tokens = new VapidTokens(keys, VapidOptions.withSubject("mailto:ops@example.jp"), clock);

    @Test
    void headerCarriesATokenForTheEndpointOriginAndThePublicKey() throws Exception {
        String header = tokens.authorization(ENDPOINT);

        assertThat(header).startsWith("vapid t=").endsWith(", k=" + keys.publicKeyBase64Url());
        String[] parts = header.substring("vapid t=".length(), header.indexOf(", k=")).split("\\.");
        ObjectMapper json = new ObjectMapper();
        JsonNode head = json.readTree(Base64Url.decode(parts[0]));
        JsonNode claims = json.readTree(Base64Url.decode(parts[1]));
        assertThat(head.get("alg").asText()).isEqualTo("ES256");
        assertThat(head.get("typ").asText()).isEqualTo("JWT");
        assertThat(claims.get("aud").asText()).isEqualTo("https://push.example.net:8443");
        assertThat(claims.get("sub").asText()).isEqualTo("mailto:ops@example.jp");
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.plus(VapidOptions.DEFAULT_TOKEN_LIFETIME).getEpochSecond())
                .isLessThanOrEqualTo(NOW.plus(Duration.ofHours(24)).getEpochSecond());
        assertThat(Base64Url.decode(parts[2])).hasSize(64);
    }

    @Test
    void audienceIsTheOriginWithoutADefaultPort() {
        assertThat(VapidTokens.origin(URI.create("https://FCM.googleapis.com/fcm/send/x"))).isEqualTo("https://fcm.googleapis.com");
        assertThat(VapidTokens.origin(URI.create("https://web.push.apple.com:443/Q"))).isEqualTo("https://web.push.apple.com");
        assertThat(VapidTokens.origin(URI.create("http://127.0.0.1:40123/push/1"))).isEqualTo("http://127.0.0.1:40123");
    }

    /** The JOSE signature verifies as JOSE (P1363) and, converted to DER, with the JDK's plain ES256. */
    @Test
    void signatureVerifiesInBothEncodings() throws Exception {
        for (int i = 0; i < 40; i++) {
            String jwt = tokens.token("https://push.example.net", NOW.plusSeconds(i));
            int lastDot = jwt.lastIndexOf('.');
            byte[] signingInput = jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
            byte[] jose = Base64Url.decode(jwt.substring(lastDot + 1));

            assertThat(verify("SHA256withECDSAinP1363Format", signingInput, jose)).isTrue();
            byte[] der = EcdsaDer.joseToDer(jose);
            assertThat(verify("SHA256withECDSA", signingInput, der)).as("DER of token %d", i).isTrue();
            assertThat(EcdsaDer.derToJose(der)).isEqualTo(jose);
        }
    }

    /** The other direction: DER signatures from the JDK become JOSE ones that verify. */
    @Test
    void derSignaturesConvertToJoseThatVerifies() throws Exception {
        byte[] message = "eyJhbGciOiJFUzI1NiJ9.e30".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 40; i++) {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.privateKey());
            signer.update(message);
            byte[] der = signer.sign();

            byte[] jose = EcdsaDer.derToJose(der);
            assertThat(jose).hasSize(64);
            assertThat(verify("SHA256withECDSAinP1363Format", message, jose)).as("signature %d", i).isTrue();
            assertThat(EcdsaDer.joseToDer(jose)).isEqualTo(der);
        }
    }

    /**
     * The cases random signatures rarely hit (1 in 128): an r under 32 bytes, which JOSE pads on
     * the left, and an s with its top bit set, which DER prefixes with a zero byte.
     */
    @Test
    void convertsShortAndHighBitIntegersExactly() {
        byte[] jose = new byte[64];
        jose[31] = 0x05;
        jose[32] = (byte) 0x80;
        jose[63] = 0x01;
        byte[] s = new byte[33];
        System.arraycopy(jose, 32, s, 1, 32);
        byte[] expectedDer = new byte[2 + 3 + 2 + 33];
        expectedDer[0] = 0x30;
        expectedDer[1] = (byte) (expectedDer.length - 2);
        expectedDer[2] = 0x02;
        expectedDer[3] = 1;
        expectedDer[4] = 0x05;
        expectedDer[5] = 0x02;
        expectedDer[6] = 33;
        System.arraycopy(s, 0, expectedDer, 7, 33);

        assertThat(EcdsaDer.joseToDer(jose)).isEqualTo(expectedDer);
        assertThat(EcdsaDer.derToJose(expectedDer)).isEqualTo(jose);
    }

    @Test
    void reusesAHeaderPerOriginUntilHalfItsLifetimeIsGone() {
        String first = tokens.authorization(ENDPOINT);
        clock.advance(Duration.ofHours(5));
        assertThat(tokens.authorization(URI.create("https://push.example.net:8443/other"))).isEqualTo(first);
        assertThat(tokens.authorization(URI.create("https://other.example.net/x"))).isNotEqualTo(first);
        clock.advance(Duration.ofHours(1));
        assertThat(tokens.authorization(ENDPOINT)).isNotEqualTo(first);
    }

    @Test
    void refusesASubjectThatIsNoContactAndATokenLifetimeOverADay() {
        assertThatThrownBy(() -> VapidOptions.withSubject("ops@example.jp"))
                .hasMessageContaining("push.vapid.subject");
        assertThatThrownBy(() -> new VapidOptions("https://example.jp/contact", null, null, Duration.ofHours(25)))
                .hasMessageContaining("push.vapid.token-lifetime");
    }

    private boolean verify(String algorithm, byte[] message, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(keys.publicKey());
        verifier.update(message);
        return verifier.verify(signature);
    }
}
