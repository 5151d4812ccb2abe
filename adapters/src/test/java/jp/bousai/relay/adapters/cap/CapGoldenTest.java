package jp.bousai.relay.adapters.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.bousai.relay.adapters.json.AdvisoryJsonWriter;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.auth.IssuePolicy;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.validation.AdvisoryRules;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each fixture {@code cap/NAME.xml} decodes, as sent by 千代田区, to the advisory in
 * {@code cap/NAME.json} (its canonical JSON).
 */
class CapGoldenTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "cap");
    private static final Issuer CHIYODA = Issuer.forSender("test", JisCode.parse("131016"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"evacuation-alert", "evacuation-update", "evacuation-lift", "evacuation-cancel", "legacy-label-exercise",
        "notice", "event"})
    void decodesToTheExpectedAdvisory(String name) throws IOException {
        FieldErrors errors = new FieldErrors();
        Advisory advisory = IssuePolicy.authorise(CHIYODA,
                new CapFormat().decode(Files.readAllBytes(FIXTURES.resolve(name + ".xml")), errors));
        AdvisoryRules.check(advisory, errors);
        assertThat(errors.list()).isEmpty();
        String actual = AdvisoryJsonWriter.write(advisory);
        Path expected = FIXTURES.resolve(name + ".json");
        if (!Files.exists(expected)) {
            fail("no golden file " + expected + "; decoded:\n" + JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(JSON.readTree(actual)));
        }
        assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(Files.readAllBytes(expected)));
    }
}
