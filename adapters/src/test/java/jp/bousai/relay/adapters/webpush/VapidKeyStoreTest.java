package jp.bousai.relay.adapters.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VapidKeyStoreTest {

    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dataDirectory;

    @Test
    void firstStartWritesAnOwnerOnlyFileAndTheSecondReusesIt() throws Exception {
        VapidOptions options = VapidOptions.withSubject("mailto:ops@example.jp");

        VapidKeys first = options.keys(dataDirectory, random);
        Path file = dataDirectory.resolve(VapidKeyStore.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        VapidKeys second = options.keys(dataDirectory, random);

        assertThat(second.publicKeyBase64Url()).isEqualTo(first.publicKeyBase64Url());
        assertThat(second.privateKeyBase64Url()).isEqualTo(first.privateKeyBase64Url());
        assertThat(Files.list(dataDirectory)).containsExactly(file);
    }

    @Test
    void publicKeyIsTheUncompressedPointABrowserTakes() throws Exception {
        VapidKeys keys = VapidOptions.withSubject("mailto:ops@example.jp").keys(dataDirectory, random);

        byte[] point = Base64Url.decode(keys.publicKeyBase64Url());
        assertThat(point).hasSize(65);
        assertThat(point[0]).isEqualTo((byte) 0x04);
        assertThat(keys.publicKeyBase64Url()).doesNotContain("=", "+", "/");
        assertThat(keys.toString()).doesNotContain(keys.privateKeyBase64Url());
    }

    @Test
    void keysGivenInConfigWinAndNothingIsWritten() throws Exception {
        VapidKeys configured = VapidKeys.generate(random);
        VapidOptions options = new VapidOptions("https://example.jp/contact", configured.publicKeyBase64Url(),
                configured.privateKeyBase64Url(), null);

        assertThat(options.keys(dataDirectory, random).publicKeyBase64Url()).isEqualTo(configured.publicKeyBase64Url());
        assertThat(Files.list(dataDirectory)).isEmpty();
    }

    @Test
    void refusesConfiguredKeysThatAreNotOnePair() {
        VapidKeys one = VapidKeys.generate(random);
        VapidKeys other = VapidKeys.generate(random);
        VapidOptions options = new VapidOptions("mailto:ops@example.jp", one.publicKeyBase64Url(),
                other.privateKeyBase64Url(), null);

        assertThatThrownBy(() -> options.keys(dataDirectory, random)).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new VapidOptions("mailto:ops@example.jp", one.publicKeyBase64Url(), null, null))
                .hasMessageContaining("give both or neither");
    }
}
