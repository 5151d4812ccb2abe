package jp.bousai.relay.server.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import jp.bousai.relay.adapters.json.AdvisoryJsonReader;
import jp.bousai.relay.adapters.json.AdvisoryJsonWriter;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.log.Submission;
import jp.bousai.relay.core.validation.FieldErrors;

/** The shipped example requests under {@code config/examples}, and variations of them for tests. */
public final class Examples {

    public static final Path DIR = Path.of("..", "config", "examples");
    public static final String ORDER = "evacuation-order.json";
    public static final String ORDER_UPDATE = "evacuation-order-update.json";
    public static final String SHELTERS = "shelter-open.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Examples() {
    }

    /** An example as a mutable JSON tree. */
    public static ObjectNode json(String name) {
        try {
            return (ObjectNode) MAPPER.readTree(Files.readAllBytes(DIR.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example as a new document: fresh document and distribution ids. */
    public static ObjectNode fresh(String name) {
        ObjectNode json = json(name);
        json.put("documentId", UUID.randomUUID().toString());
        json.put("distributionId", UUID.randomUUID().toString());
        return json;
    }

    /** The next send of {@code document}: the given revision, an Update, a fresh distribution id. */
    public static ObjectNode revision(ObjectNode document, int revision) {
        ObjectNode json = document.deepCopy();
        json.put("revision", revision);
        json.put("type", "Update");
        json.put("distributionId", UUID.randomUUID().toString());
        return json;
    }

    public static Advisory advisory(ObjectNode json) {
        FieldErrors errors = new FieldErrors();
        Advisory advisory = AdvisoryJsonReader.read(json, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid test advisory: " + errors.list());
        }
        return advisory;
    }

    public static Submission submission(ObjectNode json) {
        Advisory advisory = advisory(json);
        return new Submission(advisory, AdvisoryJsonWriter.write(advisory), "json",
                json.toString().getBytes(StandardCharsets.UTF_8),
                Issuer.forSender("test", JisCode.parse("130001")));
    }
}
