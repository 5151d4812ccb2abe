package jp.bousai.relay.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.bousai.relay.adapters.cap.CapReplies;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.server.ingest.IngestService;

/** CAP Ack and Error answers for senders that send {@code Accept: application/cap+xml}. */
public final class CapAcknowledgement implements Acknowledgement {

    private final Clock clock;

    public CapAcknowledgement(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String contentType() {
        return CapReplies.CONTENT_TYPE;
    }

    @Override
    public boolean requested(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(CapReplies.CONTENT_TYPE);
    }

    @Override
    public String accepted(byte[] received, AppendOutcome outcome) {
        String note = IngestService.describe(outcome);
        return CapReplies.identify(received)
                .map(alert -> CapReplies.ack(alert, now(), note))
                .orElseGet(() -> CapReplies.error(Optional.empty(), now(), List.of(note)));
    }

    @Override
    public String refused(byte[] received, ProblemException problem) {
        List<String> reasons = new ArrayList<>();
        reasons.add(problem.type().status() + " " + problem.detail());
        for (FieldError error : problem.errors()) {
            reasons.add(error.pointer() + ": " + error.detail());
        }
        return CapReplies.error(received == null ? Optional.empty() : CapReplies.identify(received), now(), reasons);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
