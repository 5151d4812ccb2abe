package jp.bousai.relay.adapters.cap;

import java.io.IOException;
import java.nio.file.Path;
import jp.bousai.relay.adapters.FormatChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each fixture {@code cap/NAME.xml} decodes, as sent by 千代田区, to the advisory in
 * {@code cap/NAME.json} (its canonical JSON).
 */
class CapGoldenTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "cap");

    @ParameterizedTest
    @ValueSource(strings = {"evacuation-alert", "evacuation-update", "evacuation-lift", "evacuation-cancel", "legacy-label-exercise",
        "notice", "event", "cap11-evacuation-alert", "empty-restriction-addresses"})
    void decodesToTheExpectedAdvisory(String name) throws IOException {
        FormatChecks.decodesToGolden(new CapFormat(), FIXTURES, name);
    }
}
