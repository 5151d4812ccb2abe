package jp.bousai.relay.server.http;

import io.vertx.core.http.HttpServerRequest;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.problem.ProblemException;

/**
 * A format's own way of answering a sender that asks for it (a CAP Ack or Error), instead of the
 * JSON reply and problem+json.
 */
public interface Acknowledgement {

    String contentType();

    /** Whether the request asks for this form of answer (its Accept header). */
    boolean requested(HttpServerRequest request);

    /** The answer to an accepted (or duplicate) submission. */
    String accepted(byte[] received, AppendOutcome outcome);

    /** The answer to a refused submission; {@code received} is null when the body was never read. */
    String refused(byte[] received, ProblemException problem);
}
