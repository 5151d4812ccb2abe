package jp.bousai.relay.core.auth;

import java.util.List;
import java.util.stream.Collectors;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Sender;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;

/** Decides whether an issuer may send an advisory, and makes it the advisory's sender. */
public final class IssuePolicy {

    private IssuePolicy() {
    }

    /**
     * Checks that the advisory names no other sender than the issuer's and targets only areas in
     * the issuer's scope, and returns it with the issuer's sender code filled in. Runs before the
     * field rules (which then find the sender present); areas that did not decode are skipped.
     *
     * @throws ProblemException {@link ProblemType#FORBIDDEN}, naming the sender or the areas
     */
    public static Advisory authorise(Issuer issuer, Advisory advisory) {
        Sender sender = advisory.sender();
        if (sender != null && sender.code() != null && !sender.code().equals(issuer.sender())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "this credential issues as sender "
                    + issuer.sender() + ", but the advisory names sender " + sender.code());
        }
        List<JisCode> outside = issuer.outsideScope(
                advisory.areaCodes().stream().filter(java.util.Objects::nonNull).toList());
        if (!outside.isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "sender " + issuer.sender()
                    + " may not issue for " + outside.stream().map(JisCode::value).collect(Collectors.joining(", "))
                    + "; it may issue for " + issuer.scope().stream().map(IssuePolicy::describe)
                    .collect(Collectors.joining(", ")));
        }
        Sender filled = sender == null
                ? new Sender(issuer.sender(), null, null)
                : new Sender(issuer.sender(), sender.name(), sender.office());
        return advisory.withSender(filled);
    }

    private static String describe(JisCode code) {
        return code.isPrefecture() ? code + " and the municipalities in prefecture " + code.prefectureNumber()
                : code.value();
    }
}
