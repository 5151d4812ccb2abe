package jp.bousai.relay.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import jp.bousai.relay.adapters.json.AdvisoryJsonWriter;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.LocalizedText;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.auth.IssuePolicy;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.validation.AdvisoryRules;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * What every inbound format's tests check, the way the server's pipeline runs it: decode for the
 * sender, authorise, apply the rules.
 */
public final class FormatChecks {

    /** The sender of every fixture: 千代田区. */
    public static final Issuer CHIYODA = Issuer.forSender("test", JisCode.parse("131016"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormatChecks() {
    }

    /**
     * Fixture {@code dir/NAME.xml} decodes to the advisory in {@code dir/NAME.json} (its canonical
     * JSON). A missing golden file fails, showing what was decoded for review.
     */
    public static void decodesToGolden(InboundFormat format, Path dir, String name) throws IOException {
        FieldErrors errors = new FieldErrors();
        Advisory advisory = IssuePolicy.authorise(CHIYODA,
                format.decode(Files.readAllBytes(dir.resolve(name + ".xml")), CHIYODA, errors));
        AdvisoryRules.check(advisory, errors);
        assertThat(errors.list()).isEmpty();
        String actual = AdvisoryJsonWriter.write(advisory);
        Path expected = dir.resolve(name + ".json");
        if (!Files.exists(expected)) {
            fail("no golden file " + expected + "; decoded:\n" + JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(JSON.readTree(actual)));
        }
        assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(Files.readAllBytes(expected)));
    }

    /** What the pipeline refuses {@code body} with, or null when it accepts it. */
    public static ProblemException problemOf(InboundFormat format, byte[] body) {
        try {
            FieldErrors errors = new FieldErrors();
            Advisory advisory = IssuePolicy.authorise(CHIYODA, format.decode(body, CHIYODA, errors));
            AdvisoryRules.check(advisory, errors);
            errors.throwIfAny();
            return null;
        } catch (ProblemException problem) {
            return problem;
        }
    }

    /** The body is refused with a problem of {@code expected} type whose text contains {@code phrase}. */
    public static void assertRefused(InboundFormat format, String name, byte[] body, ProblemType expected,
                                     String phrase) {
        ProblemException problem = problemOf(format, body);
        assertThat(problem).as(name + " must be refused").isNotNull();
        assertThat(problem.type()).as(name + ": " + describe(problem)).isEqualTo(expected);
        assertThat(describe(problem)).as(name).contains(phrase);
    }

    /**
     * No body that {@code hostile} builds around a URL (external DTDs, entities, XIncludes, schema
     * locations) makes the parser fetch that URL, whether the body is refused or the reference
     * ignored: a sender cannot make the relay read files or reach hosts behind it. The URL points at a real local HTTP server that counts requests;
     * decoding is synchronous, so a fetch would have been counted before it returns.
     */
    public static void assertNothingFetched(InboundFormat format, Function<String, Map<String, String>> hostile)
            throws IOException {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] answer = "<!ENTITY leaked \"leaked\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/fetched";
            for (Map.Entry<String, String> body : hostile.apply(url).entrySet()) {
                problemOf(format, body.getValue().getBytes(StandardCharsets.UTF_8));
                assertThat(fetches.get()).as(body.getKey() + ": requests to " + url).isZero();
            }
        } finally {
            server.stop(0);
        }
    }

    /** A problem's detail and field errors, for matching phrases. */
    public static String describe(ProblemException problem) {
        return problem.detail() + " " + problem.errors();
    }

    /** {@code advisory} with its English text left out, as formats without a place for it give it back. */
    public static Advisory japaneseOnly(Advisory advisory) {
        return new Advisory(advisory.distributionId(), advisory.documentId(), advisory.revision(), advisory.type(),
                advisory.mode(), advisory.category(), advisory.sender(), advisory.areas(), advisory.reportTime(),
                advisory.targetTime(), advisory.validUntil(), advisory.disaster(),
                LocalizedText.japanese(advisory.headline().ja()),
                advisory.text() == null ? null : LocalizedText.japanese(advisory.text().ja()), advisory.body());
    }
}
