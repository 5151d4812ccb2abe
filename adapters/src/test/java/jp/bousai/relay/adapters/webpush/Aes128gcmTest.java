package jp.bousai.relay.adapters.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class Aes128gcmTest {

    /** RFC 8291 Appendix A, every value as the RFC prints it. */
    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String AUTH_SECRET = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
            + "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
            + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    private final SecureRandom random = new SecureRandom();

    @Test
    void encryptsTheRfc8291ExampleToItsExactBody() {
        KeyPair server = new KeyPair(P256.publicKey(Base64Url.decode(AS_PUBLIC)),
                P256.privateKey(Base64Url.decode(AS_PRIVATE)));

        byte[] body = Aes128gcm.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8),
                P256.publicKey(Base64Url.decode(UA_PUBLIC)), Base64Url.decode(AUTH_SECRET), 0,
                Base64Url.decode(SALT), server);

        assertThat(Base64Url.encode(body)).isEqualTo(BODY);
    }

    @Test
    void decryptsTheRfc8291ExampleBody() throws GeneralSecurityException {
        byte[] plaintext = Aes128gcm.decrypt(Base64Url.decode(BODY), P256.privateKey(Base64Url.decode(UA_PRIVATE)),
                P256.publicKey(Base64Url.decode(UA_PUBLIC)), Base64Url.decode(AUTH_SECRET));

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
    }

    @Test
    void roundTripsWithFreshKeysAndStripsPadding() throws GeneralSecurityException {
        KeyPair browser = P256.generate(random);
        byte[] auth = new byte[16];
        random.nextBytes(auth);
        byte[] plaintext = "避難指示 警戒レベル4".getBytes(StandardCharsets.UTF_8);

        byte[] body = new Aes128gcm(random).encrypt(plaintext, (ECPublicKey) browser.getPublic(), auth, 200);

        assertThat(body).hasSize(Aes128gcm.HEADER_BYTES + 200 + 1 + Aes128gcm.TAG_BYTES);
        assertThat(Aes128gcm.decrypt(body, (java.security.interfaces.ECPrivateKey) browser.getPrivate(),
                (ECPublicKey) browser.getPublic(), auth)).isEqualTo(plaintext);
    }

    @Test
    void largestPlaintextFillsExactlyTheBodyEveryPushServiceAccepts() {
        KeyPair browser = P256.generate(random);
        byte[] auth = new byte[16];
        Aes128gcm encryption = new Aes128gcm(random);

        byte[] body = encryption.encrypt(new byte[Aes128gcm.MAX_PLAINTEXT_BYTES], (ECPublicKey) browser.getPublic(),
                auth, 0);

        assertThat(body).hasSize(Aes128gcm.MAX_BODY_BYTES);
        assertThatThrownBy(() -> encryption.encrypt(new byte[Aes128gcm.MAX_PLAINTEXT_BYTES + 1],
                (ECPublicKey) browser.getPublic(), auth, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesATamperedBody() {
        byte[] body = Base64Url.decode(BODY);
        body[body.length - 1] ^= 1;

        assertThatThrownBy(() -> Aes128gcm.decrypt(body, P256.privateKey(Base64Url.decode(UA_PRIVATE)),
                P256.publicKey(Base64Url.decode(UA_PUBLIC)), Base64Url.decode(AUTH_SECRET)))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void refusesAPointOffTheCurve() {
        byte[] point = Base64Url.decode(UA_PUBLIC);
        point[64] ^= 1;

        assertThatThrownBy(() -> P256.publicKey(point)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not on P-256");
    }
}
