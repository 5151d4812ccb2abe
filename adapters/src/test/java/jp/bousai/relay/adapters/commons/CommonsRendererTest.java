package jp.bousai.relay.adapters.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import jp.bousai.relay.adapters.FormatChecks;
import jp.bousai.relay.adapters.cap.CapFormat;
import jp.bousai.relay.adapters.json.JsonFormat;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.IssuePolicy;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What we render as Commons decodes back to the same advisory for every fixture of every format
 * (English aside, which Commons has no place for), in the generation-4 namespaces with the level explicit.
 */
class CommonsRendererTest {

    static Stream<String> fixtures() throws Exception {
        try (Stream<Path> commons = Files.list(Path.of("src/test/resources/commons"))) {
            return Stream.concat(Stream.of("config/examples/evacuation-order.json",
                            "config/examples/evacuation-order-update.json", "config/examples/shelter-open.json",
                            "adapters/src/test/resources/cap/evacuation-alert.xml",
                            "adapters/src/test/resources/cap/event.xml"),
                    commons.map(Path::toString).filter(name -> name.endsWith(".xml")).sorted()
                            .map(name -> "adapters/" + name).toList().stream());
        }
    }

    private static Advisory decode(String fixture, byte[] body) {
        var format = fixture.endsWith(".json") ? new JsonFormat()
                : fixture.contains("/commons/") ? new CommonsFormat() : new CapFormat();
        FieldErrors errors = new FieldErrors();
        Advisory advisory = IssuePolicy.authorise(FormatChecks.CHIYODA, format.decode(body, FormatChecks.CHIYODA, errors));
        assertThat(errors.list()).isEmpty();
        return advisory;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void rendersCommonsThatDecodesToTheSameAdvisory(String fixture) throws Exception {
        Advisory original = decode(fixture, Files.readAllBytes(Path.of("..", fixture)));
        String commons = CommonsRenderer.render(original);
        assertThat(decode("rendered/commons/x.xml", commons.getBytes(StandardCharsets.UTF_8))).isEqualTo(FormatChecks.japaneseOnly(original));
        assertThat(commons).contains("http://xml.publiccommons.ne.jp/pcxml1/4")
                .doesNotContain("pcxml1/3");
    }
}
