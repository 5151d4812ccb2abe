package jp.bousai.relay.server.contracts;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.feeds.http.HttpEndpoint;
import jp.bousai.relay.feeds.http.RouteSupport;

/**
 * Serves the contracts kept as resources under {@code contracts/}: {@code GET /openapi.json} and
 * {@code GET /schemas/{name}}. They are read once, when the class loads, and answered from memory
 * with an {@code ETag}, so serving them never touches the disk on an event loop.
 */
public final class ContractEndpoints implements HttpEndpoint {

    /** The schemas served under {@code /schemas/}, as the OpenAPI description lists them. */
    public static final List<String> SCHEMAS = List.of("advisory.json", "advisory-output.json", "record.json");

    private static final Buffer OPENAPI = resource("contracts/openapi.json");
    private static final Map<String, Buffer> SCHEMA_BODIES = schemas();

    /** Adds the routes {@code GET /openapi.json} and {@code GET /schemas/:name}. */
    @Override
    public void addRoutes(Router router, RouteSupport support) {
        router.get("/openapi.json").handler(ctx -> answer(ctx, "application/json", OPENAPI));
        router.get("/schemas/:name").handler(ContractEndpoints::schema);
    }

    private static void schema(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Buffer body = SCHEMA_BODIES.get(name);
        if (body == null) {
            ctx.fail(new ProblemException(ProblemType.NOT_FOUND, "no schema '" + name + "'; there are " + SCHEMAS));
            return;
        }
        answer(ctx, "application/schema+json", body);
    }

    private static void answer(RoutingContext ctx, String contentType, Buffer body) {
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "-" + body.length() + "\"";
        ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "max-age=300");
        if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("Content-Type", contentType + "; charset=utf-8").end(body);
    }

    private static Map<String, Buffer> schemas() {
        Map<String, Buffer> bodies = new LinkedHashMap<>();
        SCHEMAS.forEach(name -> bodies.put(name, resource("contracts/schemas/" + name)));
        return Map.copyOf(bodies);
    }

    private static Buffer resource(String path) {
        try (InputStream in = ContractEndpoints.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the build");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + path, e);
        }
    }
}
