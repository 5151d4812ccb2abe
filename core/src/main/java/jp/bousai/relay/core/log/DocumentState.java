package jp.bousai.relay.core.log;

import java.time.Instant;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.HeadquartersBody;
import jp.bousai.relay.core.advisory.MessageType;

/** Where a document stands, judged from its latest version at a given time. */
public enum DocumentState {
    /** In force. */
    ACTIVE("active"),
    /** Still published, but everything in it has been lifted (解除) or dissolved (解散). */
    LIFTED("lifted"),
    /** Withdrawn by a Cancel. */
    CANCELLED("cancelled"),
    /** Past its valid-until time (公開終了). */
    EXPIRED("expired");

    private final String wireName;

    DocumentState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether feeds still publish a document in this state. */
    public boolean isPublished() {
        return this == ACTIVE || this == LIFTED;
    }

    public static DocumentState of(Advisory latest, Instant now) {
        if (latest.type() == MessageType.CANCEL) {
            return CANCELLED;
        }
        if (latest.validUntil() != null && !now.isBefore(latest.validUntil().toInstant())) {
            return EXPIRED;
        }
        if (latest.body() instanceof EvacuationBody evacuation && evacuation.allLifted()) {
            return LIFTED;
        }
        if (latest.body() instanceof HeadquartersBody headquarters
                && headquarters.status() == HeadquartersBody.Status.DISSOLVED) {
            return LIFTED;
        }
        return ACTIVE;
    }
}
