package jp.bousai.relay.adapters.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.bousai.relay.adapters.FormatChecks;
import jp.bousai.relay.adapters.commons.CommonsFormat;
import jp.bousai.relay.adapters.json.JsonFormat;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.IssuePolicy;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.EarlierRevision;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What we render as CAP validates against the CAP 1.2 schema and the rules beyond it, and decodes
 * back to the same advisory, for every fixture of the categories CAP carries.
 */
class CapRendererTest {

    static Stream<String> fixtures() {
        return Stream.of("config/examples/evacuation-order.json", "config/examples/evacuation-order-update.json",
                "adapters/src/test/resources/cap/evacuation-alert.xml", "adapters/src/test/resources/cap/evacuation-update.xml",
                "adapters/src/test/resources/cap/evacuation-lift.xml", "adapters/src/test/resources/cap/evacuation-cancel.xml",
                "adapters/src/test/resources/cap/legacy-label-exercise.xml", "adapters/src/test/resources/cap/notice.xml",
                "adapters/src/test/resources/cap/event.xml",
                "adapters/src/test/resources/commons/evacuation-report-v3-legacy.xml",
                "adapters/src/test/resources/commons/evacuation-update-v4-generated-prefixes.xml",
                "adapters/src/test/resources/commons/notice-report-v4.xml");
    }

    private static Advisory decode(String fixture) throws Exception {
        byte[] body = Files.readAllBytes(Path.of("..", fixture));
        var format = fixture.endsWith(".json") ? new JsonFormat()
                : fixture.contains("/commons/") ? new CommonsFormat() : new CapFormat();
        return IssuePolicy.authorise(FormatChecks.CHIYODA, format.decode(body, new FieldErrors()));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void rendersValidCapThatDecodesToTheSameAdvisory(String fixture) throws Exception {
        Advisory original = decode(fixture);
        String cap = new CapRenderer("https://relay.example.jp")
                .render(new AdvisoryRecord(1, original, "{}", Instant.EPOCH, "json"));
        FieldErrors errors = new FieldErrors();
        Advisory decoded = IssuePolicy.authorise(FormatChecks.CHIYODA,
                new CapFormat().decode(cap.getBytes(StandardCharsets.UTF_8), errors));
        assertThat(errors.list()).isEmpty();
        assertThat(decoded).isEqualTo(original);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void rendersCapThatPassesThePublicAlertsProfile(String fixture) throws Exception {
        Advisory advisory = decode(fixture);
        List<EarlierRevision> earlier = IntStream.range(1, advisory.revision()).mapToObj(revision ->
                new EarlierRevision(revision, advisory.sender().code(), advisory.reportTime().minusHours(revision)))
                .toList();
        String cap = new CapRenderer("https://relay.example.jp")
                .render(new AdvisoryRecord(1, advisory, "{}", Instant.EPOCH, "json", earlier));
        assertThat(PublicAlertsProfile.violations(cap)).as(cap).isEmpty();
    }
}
