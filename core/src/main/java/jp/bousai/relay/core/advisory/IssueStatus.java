package jp.bousai.relay.core.advisory;

/** Whether an evacuation level is in force for an area (発令) or has been lifted (解除). */
public enum IssueStatus implements WireNamed {
    ISSUED("issued", "発令"),
    LIFTED("lifted", "解除");

    private final String wireName;
    private final String label;

    IssueStatus(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The Japanese label used by L-Alert. */
    public String label() {
        return label;
    }
}
