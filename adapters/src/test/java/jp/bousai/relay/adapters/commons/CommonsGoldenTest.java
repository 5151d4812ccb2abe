package jp.bousai.relay.adapters.commons;

import java.io.IOException;
import java.nio.file.Path;
import jp.bousai.relay.adapters.FormatChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each fixture {@code commons/NAME.xml} (a bare EDXLDistribution) decodes, as sent by 千代田区,
 * to the advisory in {@code commons/NAME.json}.
 */
class CommonsGoldenTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "commons");

    @ParameterizedTest
    @ValueSource(strings = {"evacuation-report-v3-legacy", "evacuation-update-v4-generated-prefixes",
        "evacuation-lift-v4", "evacuation-cancel-v4", "evacuation-exercise-v3", "shelter-report-v3",
        "headquarters-report-v4", "damage-report-v4", "notice-report-v4", "event-report-v3",
        "evacuation-order-lalert-hub-v4", "shelter-exercise-lalert-hub-v3"})
    void decodesToTheExpectedAdvisory(String name) throws IOException {
        FormatChecks.decodesToGolden(new CommonsFormat(), FIXTURES, name);
    }
}
