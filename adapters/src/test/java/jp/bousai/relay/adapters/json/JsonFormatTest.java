package jp.bousai.relay.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.ShelterBody;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.validation.AdvisoryRules;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

    private static final Path EXAMPLES = Path.of("..", "config", "examples");
    private final JsonFormat format = new JsonFormat();

    static byte[] example(String name) throws IOException {
        return Files.readAllBytes(EXAMPLES.resolve(name));
    }

    private Map<String, String> errorsOf(String json) {
        FieldErrors errors = new FieldErrors();
        Advisory advisory = format.decode(json.getBytes(StandardCharsets.UTF_8), errors);
        AdvisoryRules.check(advisory, errors);
        return errors.list().stream().collect(Collectors.toMap(FieldError::pointer, FieldError::detail,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evacuation-order.json", "evacuation-order-update.json", "shelter-open.json"})
    void decodesShippedExamplesAndWritesThemBackUnchanged(String name) throws IOException {
        FieldErrors errors = new FieldErrors();
        Advisory advisory = format.decode(example(name), errors);
        AdvisoryRules.check(advisory, errors);
        assertThat(errors.list()).isEmpty();

        String canonical = AdvisoryJsonWriter.write(advisory);
        assertThat(canonical).contains("\"reportTime\":\"2026-09-01T1").doesNotContain(":00+09:00\",\"reportTime")
                .containsPattern("\"reportTime\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00\"");
        FieldErrors again = new FieldErrors();
        assertThat(format.decode(canonical.getBytes(StandardCharsets.UTF_8), again)).isEqualTo(advisory);
        assertThat(again.list()).isEmpty();
    }

    @Test
    void readsTheUpdateAsLevelFiveForSomeAndLiftedForOthers() throws IOException {
        Advisory update = format.decode(example("evacuation-order-update.json"), new FieldErrors());
        var details = ((EvacuationBody) update.body()).details();
        assertThat(details).extracting(EvacuationBody.Detail::level, EvacuationBody.Detail::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EvacuationLevel.LEVEL_5, IssueStatus.ISSUED),
                        org.assertj.core.groups.Tuple.tuple(EvacuationLevel.LEVEL_4, IssueStatus.ISSUED),
                        org.assertj.core.groups.Tuple.tuple(EvacuationLevel.LEVEL_4, IssueStatus.LIFTED));
        Advisory shelters = format.decode(example("shelter-open.json"), new FieldErrors());
        assertThat(((ShelterBody) shelters.body()).shelters().get(1).crowding()).isEqualTo(ShelterBody.Crowding.CROWDED);
    }

    @Test
    void mapsLegacyLabelsToTheTwentyTwentyOneLevelsAndKeepsThem() throws IOException {
        String json = new String(example("evacuation-order.json"), StandardCharsets.UTF_8)
                .replace("\"level\": 4,", "\"label\": \"避難勧告\",");
        FieldErrors errors = new FieldErrors();
        Advisory advisory = format.decode(json.getBytes(StandardCharsets.UTF_8), errors);
        assertThat(errors.list()).isEmpty();
        EvacuationBody.Detail detail = ((EvacuationBody) advisory.body()).details().get(0);
        assertThat(detail.level()).isEqualTo(EvacuationLevel.LEVEL_4);
        assertThat(detail.sourceLabel()).isEqualTo("避難勧告");
        assertThat(AdvisoryJsonWriter.write(advisory))
                .contains("\"level\":4,\"label\":\"避難指示\",\"sourceLabel\":\"避難勧告\"");
    }

    @Test
    void reportsEveryFieldErrorAtOnce() {
        Map<String, String> errors = errorsOf("""
                {"distributionId": "d1", "documentId": 7, "revision": "one", "type": "Alert",
                 "mode": "Actual", "category": "Typhoon", "areas": [{"code": "131017"}, "x"],
                 "reportTime": "2026-09-01 10:00", "headline": {"ja": ""}, "colour": "red"}
                """);
        assertThat(errors).containsEntry("/documentId", "must be a string")
                .containsEntry("/revision", "must be a whole number")
                .containsEntry("/type", "must be one of Report, Update, Cancel; got 'Alert'")
                .containsKey("/category")
                .containsKey("/areas/0/code")
                .containsEntry("/areas/1", "must be a JSON object")
                .containsKey("/reportTime")
                .containsEntry("/headline/ja", "required and must not be blank")
                .containsEntry("/colour", "unknown field")
                .containsEntry("/sender/code", "required");
        assertThat(errors.get("/category")).contains("EvacuationOrder").contains("'Typhoon'");
        assertThat(errors.get("/areas/0/code")).contains("check digit");
        assertThat(errors.get("/reportTime")).contains("ISO 8601");
    }

    @Test
    void refusesLevelAndLabelThatDisagree() throws IOException {
        String json = new String(example("evacuation-order.json"), StandardCharsets.UTF_8)
                .replace("\"level\": 4,", "\"level\": 5, \"label\": \"避難勧告\",");
        assertThat(errorsOf(json)).containsEntry("/evacuation/details/0/label",
                "label '避難勧告' is level 4, but the detail says level 5");
    }

    @Test
    void refusesTheBodyOfAnotherCategory() throws IOException {
        String json = new String(example("evacuation-order.json"), StandardCharsets.UTF_8)
                .replace("\"evacuation\":", "\"shelters\":");
        assertThat(errorsOf(json)).containsEntry("/shelters", "belongs to category Shelter, not EvacuationOrder")
                .containsKey("/evacuation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,2", "{\"a\":1} {\"b\":2}", "{\"a\":1,\"a\":2}", "nul", "{'a':1}"})
    void refusesMalformedJsonAsMalformed(String body) {
        assertThatThrownBy(() -> format.decode(body.getBytes(StandardCharsets.UTF_8), new FieldErrors()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED);
                    assertThat(problem.detail()).startsWith("the body ");
                });
    }

    @Test
    void refusesDeepNestingAndInvalidUtf8() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> format.decode(deep.getBytes(StandardCharsets.UTF_8), new FieldErrors()))
                .hasMessageContaining("nesting depth");
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> format.decode(invalidUtf8, new FieldErrors()))
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aNonObjectBodyIsAFieldError() {
        assertThat(errorsOf("[1]")).containsEntry("/", "must be a JSON object");
    }
}
