package jp.bousai.relay.server.contracts;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The advisory schema says what the server does: each variation of the shipped examples, valid or
 * not, is judged by the schema and by the server, and the two must agree. The invalid ones show
 * that validation can fail (a schema that accepted everything would fail this test).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SchemaAgreementTest extends RelayTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, Consumer<ObjectNode>> invalidOrders() {
        Map<String, Consumer<ObjectNode>> cases = new LinkedHashMap<>();
        cases.put("missing reportTime", order -> order.remove("reportTime"));
        cases.put("missing headline", order -> order.remove("headline"));
        cases.put("mode not in the enum", order -> order.put("mode", "Drill"));
        cases.put("category not in the enum", order -> order.put("category", "Evacuation"));
        cases.put("unknown field", order -> order.put("severity", "Extreme"));
        cases.put("level 6", order -> detail(order).put("level", 6));
        cases.put("status not in the enum", order -> detail(order).put("status", "ordered"));
        cases.put("label of another level", order -> detail(order).put("label", "緊急安全確保"));
        cases.put("unknown label", order -> {
            detail(order).remove("level");
            detail(order).put("label", "避難命令");
        });
        cases.put("body of another category", order -> order.set("shelters", MAPPER.createArrayNode()));
        cases.put("no body", order -> order.remove("evacuation"));
        cases.put("no areas", order -> order.set("areas", MAPPER.createArrayNode()));
        cases.put("area code of five digits", order -> ((ObjectNode) order.get("areas").get(0)).put("code", "13101"));
        cases.put("prefecture 48", order -> ((ObjectNode) order.get("areas").get(0)).put("code", "481000"));
        cases.put("revision 0", order -> order.put("revision", 0));
        cases.put("identifier with a comma", order -> order.put("distributionId", "a,b"));
        cases.put("time without offset", order -> order.put("reportTime", "2026-09-01T10:00:00"));
        cases.put("circle and polygon", order -> subArea(order).set("polygon", MAPPER.createArrayNode()));
        cases.put("latitude 91", order -> ((ObjectNode) subArea(order).get("circle")).put("lat", 91));
        cases.put("blank headline", order -> ((ObjectNode) order.get("headline")).put("ja", "  "));
        cases.put("negative households", order -> detail(order).put("households", -1));
        return cases;
    }

    private static Map<String, Consumer<ObjectNode>> validOrders() {
        Map<String, Consumer<ObjectNode>> cases = new LinkedHashMap<>();
        cases.put("as shipped", order -> { });
        cases.put("sender left out", order -> order.remove("sender"));
        cases.put("legacy label without level", order -> {
            detail(order).remove("level");
            detail(order).put("label", "避難勧告");
        });
        cases.put("Cancel without body", order -> order.put("type", "Cancel").remove("evacuation"));
        cases.put("UTC as Z with a fraction", order -> order.put("reportTime", "2026-09-01T01:00:00.5Z"));
        cases.put("no seconds", order -> order.put("reportTime", "2026-09-01T10:00+09:00"));
        cases.put("area name left out", order -> ((ObjectNode) order.get("areas").get(0)).remove("name"));
        return cases;
    }

    private static ObjectNode detail(ObjectNode order) {
        return (ObjectNode) order.get("evacuation").get("details").get(0);
    }

    private static ObjectNode subArea(ObjectNode order) {
        return (ObjectNode) ((ArrayNode) detail(order).get("subAreas")).get(0);
    }

    @Test
    void theSchemaRefusesWhatTheServerRefusesAndAcceptsWhatItAccepts() throws Exception {
        PublishedSchemas schemas = PublishedSchemas.of(relay);
        List<String> disagreements = new java.util.ArrayList<>();
        judge(schemas, invalidOrders(), false, disagreements);
        judge(schemas, validOrders(), true, disagreements);
        assertThat(disagreements).isEmpty();
    }

    private void judge(PublishedSchemas schemas, Map<String, Consumer<ObjectNode>> cases, boolean valid,
                       List<String> disagreements) throws Exception {
        for (var variation : cases.entrySet()) {
            ObjectNode order = Examples.fresh(Examples.ORDER);
            variation.getValue().accept(order);
            List<String> errors = schemas.errors("advisory.json", order);
            int status = relay.post(order, CHIYODA_KEY).await(10, TimeUnit.SECONDS).statusCode();
            boolean serverAccepts = status == 201;
            if (errors.isEmpty() != valid || serverAccepts != valid) {
                disagreements.add(variation.getKey() + ": expected " + (valid ? "valid" : "invalid") + ", schema "
                        + (errors.isEmpty() ? "accepts" : "refuses " + errors) + ", server answers " + status);
            }
        }
    }

    @Test
    void theOutputSchemaRefusesTimesThatAreNotWholeSecondsWithAnOffset() throws Exception {
        PublishedSchemas schemas = PublishedSchemas.of(relay);
        ObjectNode order = Examples.fresh(Examples.ORDER);
        relay.issue(order, CHIYODA_KEY).await(10, TimeUnit.SECONDS);
        ObjectNode record = (ObjectNode) MAPPER.readTree(relay.web().get("/api/v1/advisories/"
                + order.get("documentId").asText()).send().await(10, TimeUnit.SECONDS).bodyAsString());
        assertThat(schemas.errors("record.json", record)).isEmpty();
        for (String time : List.of("2026-09-01T01:00:00Z", "2026-09-01T10:00:00.250+09:00", "2026-09-01T10:00+09:00")) {
            ObjectNode changed = record.deepCopy();
            changed.put("receivedAt", time);
            assertThat(schemas.errors("record.json", changed)).as("receivedAt " + time).isNotEmpty();
            changed = record.deepCopy();
            ((ObjectNode) changed.get("advisory")).put("reportTime", time);
            assertThat(schemas.errors("record.json", changed)).as("reportTime " + time).isNotEmpty();
        }
        ObjectNode noLabel = record.deepCopy();
        ((ObjectNode) noLabel.get("advisory").get("evacuation").get("details").get(0)).remove("label");
        assertThat(schemas.errors("record.json", noLabel)).as("an output detail without its label").isNotEmpty();
    }
}
