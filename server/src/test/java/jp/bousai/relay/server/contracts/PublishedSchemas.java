package jp.bousai.relay.server.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.server.contracts.ContractEndpoints;
import jp.bousai.relay.server.testing.RelayFixture;

/**
 * The JSON Schemas as a running relay serves them under {@code /schemas/}, loaded into a real
 * 2020-12 validator; references between them resolve to what the server serves, nothing else.
 */
final class PublishedSchemas {

    private final String base;
    private final SchemaRegistry registry;

    private PublishedSchemas(String base, SchemaRegistry registry) {
        this.base = base;
        this.registry = registry;
    }

    /** Fetches every schema the relay lists, failing on anything but a 200. */
    static PublishedSchemas of(RelayFixture relay) throws Exception {
        String base = "http://127.0.0.1:" + relay.port() + "/schemas/";
        Map<String, String> served = new HashMap<>();
        for (String name : ContractEndpoints.SCHEMAS) {
            var response = relay.web().get("/schemas/" + name).send().await(10, TimeUnit.SECONDS);
            if (response.statusCode() != 200) {
                throw new AssertionError("/schemas/" + name + " answered " + response.statusCode());
            }
            served.put(base + name, response.bodyAsString());
        }
        return new PublishedSchemas(base, SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(served)));
    }

    Schema schema(String name) {
        return registry.getSchema(SchemaLocation.of(base + name));
    }

    /** The validation errors of {@code instance} against schema {@code name}, as text; empty when valid. */
    List<String> errors(String name, JsonNode instance) {
        return schema(name).validate(instance).stream().map(Error::toString).toList();
    }
}
