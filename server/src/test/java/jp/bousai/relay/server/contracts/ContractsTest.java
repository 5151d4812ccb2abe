package jp.bousai.relay.server.contracts;

import static jp.bousai.relay.server.testing.RelayFixture.CHIYODA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.bousai.relay.server.testing.Examples;
import jp.bousai.relay.server.testing.RelayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The published contracts against a running relay: every operation in {@code /openapi.json}
 * exists on the router, every route of the router is described, every reference resolves, the
 * shipped examples validate against the advisory schema, and what the server writes for them
 * validates against the record schema.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ContractsTest extends RelayTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Map<String, String> PATH_SAMPLES = Map.of("documentId", "no-such-document",
            "id", "no-such-receiver", "name", "advisory.json");

    private JsonNode openApi() throws Exception {
        var response = relay.web().get("/openapi.json").send().await(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
        JsonNode doc = MAPPER.readTree(response.bodyAsString());
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        return doc;
    }

    @Test
    void everyDocumentedOperationIsAnsweredByARouteNotTheRoutersNotFound(Vertx vertx) throws Exception {
        JsonNode paths = openApi().path("paths");
        HttpClient client = vertx.createHttpClient();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            String concrete = path;
            for (var sample : PATH_SAMPLES.entrySet()) {
                concrete = concrete.replace("{" + sample.getKey() + "}", sample.getValue());
            }
            for (Iterator<String> methods = paths.path(path).fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!METHODS.contains(method)) {
                    continue;
                }
                operations++;
                String verdict = probe(client, HttpMethod.valueOf(method.toUpperCase()), concrete)
                        .await(10, TimeUnit.SECONDS);
                if (verdict != null) {
                    missing.add(method.toUpperCase() + " " + path + ": " + verdict);
                }
            }
        }
        client.close();
        assertThat(operations).as("operations described").isGreaterThanOrEqualTo(20);
        assertThat(missing).as("documented operations the router does not have").isEmpty();
    }

    /**
     * Null when a route answered; otherwise what the router said. A stream's body is not read: its
     * status is enough, and the connection is reset.
     */
    private Future<String> probe(HttpClient client, HttpMethod method, String path) {
        return client.request(new RequestOptions().setMethod(method).setHost("127.0.0.1")
                        .setPort(relay.port()).setURI(path))
                .compose(request -> request.send(Buffer.buffer()).compose(response -> verdict(request, response)));
    }

    private static Future<String> verdict(io.vertx.core.http.HttpClientRequest request, HttpClientResponse response) {
        int status = response.statusCode();
        if (status != 404 && status != 405 && status != 400) {
            request.reset();
            return Future.succeededFuture(null);
        }
        return response.body().map(body -> {
            String text = body.toString();
            boolean routerSaidNo = status == 405 || text.contains("no such resource")
                    || text.contains("is not allowed on");
            return routerSaidNo ? status + " " + text : null;
        });
    }

    @Test
    void everyRouteOfTheRouterIsDescribed() throws Exception {
        JsonNode paths = openApi().path("paths");
        Set<String> undocumented = new TreeSet<>();
        int checked = 0;
        for (Route route : relay.relay().httpRoutes()) {
            String path = route.getPath();
            if (path == null) {
                continue;
            }
            String openApiPath = path.replaceAll(":([A-Za-z]+)", "{$1}");
            if (!route.isExactPath()) {
                boolean covered = Stream.iterate(paths.fieldNames(), Iterator::hasNext, i -> i)
                        .map(Iterator::next).anyMatch(documented -> documented.startsWith(openApiPath));
                if (!covered) {
                    undocumented.add("* " + path);
                }
                continue;
            }
            Set<HttpMethod> methods = route.methods() == null ? Set.of() : route.methods();
            for (HttpMethod method : methods) {
                checked++;
                if (!paths.path(openApiPath).has(method.name().toLowerCase())) {
                    undocumented.add(method.name() + " " + path);
                }
            }
        }
        assertThat(checked).as("routes with a method").isGreaterThanOrEqualTo(20);
        assertThat(undocumented).as("routes missing from /openapi.json").isEmpty();
    }

    @Test
    void everyReferenceInTheDescriptionResolves() throws Exception {
        JsonNode doc = openApi();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        List<String> broken = new ArrayList<>();
        for (String ref : refs) {
            String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
            String pointer = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
            JsonNode target = doc;
            if (!file.isEmpty()) {
                var response = relay.web().get(file).send().await(10, TimeUnit.SECONDS);
                if (response.statusCode() != 200) {
                    broken.add(ref + " (" + response.statusCode() + ")");
                    continue;
                }
                target = MAPPER.readTree(response.bodyAsString());
            }
            if (target.at(pointer).isMissingNode()) {
                broken.add(ref);
            }
        }
        assertThat(broken).isEmpty();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref") && node.get("$ref").isTextual()) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    @Test
    void everyShippedExampleValidatesAndSoDoesWhatTheServerWritesForIt() throws Exception {
        PublishedSchemas schemas = PublishedSchemas.of(relay);
        List<Path> examples;
        try (Stream<Path> files = Files.list(Examples.DIR)) {
            examples = files.filter(file -> file.toString().endsWith(".json")).sorted(ContractsTest::issueOrder)
                    .toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (Path example : examples) {
            JsonNode json = MAPPER.readTree(example.toFile());
            assertThat(schemas.errors("advisory.json", json)).as(example.getFileName().toString()).isEmpty();
            relay.issue((com.fasterxml.jackson.databind.node.ObjectNode) json, CHIYODA_KEY).await(10, TimeUnit.SECONDS);
            String documentId = json.get("documentId").asText();
            JsonNode written = MAPPER.readTree(relay.web().get("/api/v1/advisories/" + documentId).send()
                    .await(10, TimeUnit.SECONDS).bodyAsString());
            assertThat(schemas.errors("record.json", written)).as("the server's JSON of " + example.getFileName())
                    .isEmpty();
            assertThat(schemas.errors("advisory.json", written.get("advisory")))
                    .as("what the server writes can be sent again").isEmpty();
        }
        JsonNode list = MAPPER.readTree(relay.web().get("/api/v1/advisories?area=13").send()
                .await(10, TimeUnit.SECONDS).bodyAsString());
        assertThat(list.get("advisories")).isNotEmpty();
        for (JsonNode record : list.get("advisories")) {
            assertThat(schemas.errors("record.json", record)).isEmpty();
        }
    }

    /** A document's first revision before its later ones, so that the chain of examples can be issued. */
    private static int issueOrder(Path a, Path b) {
        try {
            int byRevision = Integer.compare(MAPPER.readTree(a.toFile()).path("revision").asInt(),
                    MAPPER.readTree(b.toFile()).path("revision").asInt());
            return byRevision != 0 ? byRevision : a.compareTo(b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
