package jp.bousai.relay.server.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import jp.bousai.relay.adapters.json.AdvisoryJsonWriter;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.IssuePolicy;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.log.Submission;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.validation.AdvisoryRules;
import jp.bousai.relay.core.validation.FieldErrors;
import jp.bousai.relay.server.metrics.RelayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path shared by every transport, so that an advisory is held to the same checks and
 * counted the same way however it arrives: decode, authorise the issuer ({@link IssuePolicy}),
 * check every rule ({@link AdvisoryRules}, with the time of receipt), append to the log, count it
 * and log the acceptance. Independent of HTTP: a transport authenticates, calls
 * {@link #submit}, and answers in its own form.
 */
public final class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final Vertx vertx;
    private final AdvisoryLog log;
    private final RelayMetrics metrics;
    private final Clock clock;

    /** @param clock the time of receipt, for the rules on past and implausible times */
    public IngestService(Vertx vertx, AdvisoryLog log, RelayMetrics metrics, Clock clock) {
        this.vertx = vertx;
        this.log = log;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Takes one submission from an authenticated issuer. Decoding and the rules run on a worker,
     * never on the event loop (XML schema validation of a large order takes time).
     *
     * @param startedNanos when the request began ({@link System#nanoTime()}), for the ingest
     *        duration metric
     * @return the log's outcome (accepted with the record, or a duplicate answered with the first
     *         result); or a failed future: a {@link ProblemException} (malformed, forbidden,
     *         invalid with every field error, conflict, overloaded) or an internal error. Every
     *         refusal is counted in {@code bousai_advisories_rejected_total}.
     */
    public Future<AppendOutcome> submit(Inbound inbound, Issuer issuer, long startedNanos) {
        return vertx.executeBlocking(() -> prepare(inbound, issuer), false)
                .compose(log::append)
                .onSuccess(outcome -> counted(inbound.format(), outcome, startedNanos))
                .onFailure(refused -> metrics.rejected(inbound.format(), refused instanceof ProblemException problem
                        ? problem.type().slug() : ProblemType.INTERNAL.slug()));
    }

    /**
     * The one-line account of an outcome that CAP acknowledgements and L-Alert results give the
     * sender, e.g. {@code accepted as seq 7, document d-1 revision 2}.
     */
    public static String describe(AppendOutcome outcome) {
        return (outcome instanceof AppendOutcome.Duplicate ? "already accepted" : "accepted") + " as seq "
                + outcome.seq() + ", document " + outcome.documentId() + " revision " + outcome.revision();
    }

    /** Decodes, authorises (filling in the sender), checks every rule, and renders the canonical JSON once. */
    private Submission prepare(Inbound inbound, Issuer issuer) {
        try {
            FieldErrors errors = new FieldErrors();
            Advisory advisory = IssuePolicy.authorise(issuer, inbound.decode(issuer, errors));
            AdvisoryRules.check(advisory, clock.instant(), errors);
            errors.throwIfAny();
            return new Submission(advisory, AdvisoryJsonWriter.write(advisory), inbound.format(), inbound.original(),
                    issuer);
        } catch (ProblemException problem) {
            throw inbound.explain(problem);
        }
    }

    private void counted(String format, AppendOutcome outcome, long startedNanos) {
        if (outcome instanceof AppendOutcome.Accepted) {
            metrics.accepted(format, startedNanos);
            LOG.info("[doc: {}, rev: {}, seq: {}, format: {}] accepted", outcome.documentId(), outcome.revision(),
                    outcome.seq(), format);
        } else {
            metrics.duplicate(format);
        }
    }
}
