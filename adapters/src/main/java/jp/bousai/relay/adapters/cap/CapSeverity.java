package jp.bousai.relay.adapters.cap;

import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.IssueStatus;

/** CAP urgency, severity and certainty by evacuation level; Unknown for other information. */
enum CapSeverity {
    LEVEL_5("Immediate", "Extreme", "Observed"),
    LEVEL_4("Immediate", "Severe", "Likely"),
    LEVEL_3("Expected", "Moderate", "Likely"),
    LIFTED("Past", "Minor", "Observed"),
    NONE("Unknown", "Unknown", "Unknown");

    private final String urgency;
    private final String severity;
    private final String certainty;

    CapSeverity(String urgency, String severity, String certainty) {
        this.urgency = urgency;
        this.severity = severity;
        this.certainty = certainty;
    }

    String urgency() {
        return urgency;
    }

    String severity() {
        return severity;
    }

    String certainty() {
        return certainty;
    }

    static CapSeverity of(EvacuationBody.Detail detail) {
        if (detail == null) {
            return NONE;
        }
        if (detail.status() == IssueStatus.LIFTED) {
            return LIFTED;
        }
        return detail.level() == EvacuationLevel.LEVEL_5 ? LEVEL_5
                : detail.level() == EvacuationLevel.LEVEL_4 ? LEVEL_4 : LEVEL_3;
    }
}
