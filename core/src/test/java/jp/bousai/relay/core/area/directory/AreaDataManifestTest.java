package jp.bousai.relay.core.area.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The packaged data is what {@code scripts/build-area-data.py} built: the manifest it wrote (row
 * counts and SHA-256 of the text) matches the committed data file. A hand edit of either, or a
 * data file from another build, fails here; {@code build-area-data.py --check} compares with a
 * fresh build from the sources.
 */
class AreaDataManifestTest {

    @Test
    void packagedDataMatchesTheManifestTheBuildScriptWrote() throws Exception {
        Properties manifest = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/jp/bousai/relay/core/area/directory/areas.manifest")) {
            manifest.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        byte[] text;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(AreaDirectory.RESOURCE))) {
            text = in.readAllBytes();
        }
        assertThat(text.length).isEqualTo(Integer.parseInt(manifest.getProperty("text_bytes")));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)))
                .isEqualTo(manifest.getProperty("text_sha256"));

        long municipalities = 0;
        long towns = 0;
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
            municipalities += line.startsWith("M\t") ? 1 : 0;
            towns += line.startsWith("T\t") ? 1 : 0;
        }
        assertThat(municipalities).isEqualTo(Long.parseLong(manifest.getProperty("municipalities"))).isEqualTo(1_965);
        assertThat(towns).isEqualTo(Long.parseLong(manifest.getProperty("towns"))).isEqualTo(222_758);
    }

    @Test
    void packagedDataCarriesItsNoticeWithTheAttribution() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/jp/bousai/relay/core/area/directory/areas-NOTICE.txt")) {
            String notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(notice).contains("出典：「アドレス・ベース・レジストリ」（デジタル庁）", "「Geolonia 住所データ」",
                    "CC BY 4.0");
        }
    }
}
