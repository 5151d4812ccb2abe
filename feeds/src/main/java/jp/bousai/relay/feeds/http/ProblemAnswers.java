package jp.bousai.relay.feeds.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jp.bousai.relay.core.problem.ProblemException;

/**
 * The server's failure handler (it answers RFC 9457 problems), and the mapping it uses, for an
 * endpoint that answers some failures in its own format but must agree on what they are.
 */
public interface ProblemAnswers extends Handler<RoutingContext> {

    /** The problem a failed request ends in: its own, or one made from the status Vert.x set. */
    ProblemException problemOf(RoutingContext failed);
}
