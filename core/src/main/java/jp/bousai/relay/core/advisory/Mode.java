package jp.bousai.relay.core.advisory;

/**
 * Whether an advisory is real or a drill ({@code distributionStatus}). Modes never mix on a
 * channel that did not ask for them: a drill must never reach anyone as real.
 */
public enum Mode implements WireNamed {
    ACTUAL("Actual"),
    EXERCISE("Exercise"),
    TEST("Test"),
    SYSTEM("System");

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
