package jp.bousai.relay.core.advisory;

/** Where a send stands in its document's life ({@code distributionType}). */
public enum MessageType implements WireNamed {
    /** The first send of a document. */
    REPORT("Report"),
    /** A later send: the full current snapshot, replacing the previous revision. */
    UPDATE("Update"),
    /** Withdraws the document (a mistaken send). Final: no revision may follow. */
    CANCEL("Cancel");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
