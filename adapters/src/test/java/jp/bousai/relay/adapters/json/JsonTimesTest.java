package jp.bousai.relay.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The canonical JSON writes times in whole seconds with a numeric offset, whatever form they came in. */
@Timeout(10)
class JsonTimesTest {

    @Test
    void fractionsAreDroppedOnReadingAndUtcIsWrittenAsPlusZero() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode order = (ObjectNode) mapper.readTree(Files.readAllBytes(Path.of("..", "config", "examples",
                "evacuation-order.json")));
        order.put("reportTime", "2026-09-01T10:00:00.750+09:00");
        order.put("targetTime", "2026-09-01T10:00+09:00");
        order.put("validUntil", "2026-09-02T01:00:00Z");
        FieldErrors errors = new FieldErrors();
        Advisory advisory = AdvisoryJsonReader.read(mapper.writeValueAsBytes(order), errors);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(advisory.reportTime().getNano()).isZero();
        String written = AdvisoryJsonWriter.write(advisory);
        assertThat(written).contains("\"reportTime\":\"2026-09-01T10:00:00+09:00\"")
                .contains("\"targetTime\":\"2026-09-01T10:00:00+09:00\"")
                .contains("\"validUntil\":\"2026-09-02T01:00:00+00:00\"");
        FieldErrors again = new FieldErrors();
        assertThat(AdvisoryJsonReader.read(written.getBytes(java.nio.charset.StandardCharsets.UTF_8), again))
                .as("what is written reads back equal").isEqualTo(advisory);
    }
}
