package jp.bousai.relay.server.http;

import java.time.Instant;
import jp.bousai.relay.adapters.json.AdvisoryJsonWriter;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.IssuePolicy;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.log.Submission;
import jp.bousai.relay.core.validation.AdvisoryRules;
import jp.bousai.relay.core.validation.FieldErrors;

/** The steps every entry point takes from a decoded advisory to a submission for the log. */
final class Submissions {

    private Submissions() {
    }

    /**
     * Authorises the issuer (filling in the sender), checks every rule, and renders the canonical
     * JSON once.
     *
     * @param errors the decoder's field errors; the rules add theirs, and any error is thrown
     * @param now the time of receipt, for the rules on past and implausible times
     * @throws jp.bousai.relay.core.problem.ProblemException forbidden or invalid
     */
    static Submission prepare(Advisory decoded, FieldErrors errors, Issuer issuer, String format, byte[] original,
                              Instant now) {
        Advisory advisory = IssuePolicy.authorise(issuer, decoded);
        AdvisoryRules.check(advisory, now, errors);
        errors.throwIfAny();
        return new Submission(advisory, AdvisoryJsonWriter.write(advisory), format, original, issuer);
    }
}
