package jp.bousai.relay.core.advisory;

/** Whether an evacuation level is in force for an area (発令) or has been lifted (解除). */
public enum IssueStatus implements WireNamed {
    ISSUED("発令"),
    LIFTED("解除");

    private final String label;

    IssueStatus(String label) {
        this.label = label;
    }

    /** The Japanese label used by L-Alert. */
    public String label() {
        return label;
    }
}
