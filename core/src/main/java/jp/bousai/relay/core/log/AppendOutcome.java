package jp.bousai.relay.core.log;

/**
 * What an append did. A refusal (a stale revision, a reused distribution id, a revision after a
 * cancel) is not an outcome but a failed future carrying a conflict problem.
 */
public sealed interface AppendOutcome {

    long seq();

    String documentId();

    int revision();

    /** The advisory is durable under a new sequence number. */
    record Accepted(AdvisoryRecord record) implements AppendOutcome {
        @Override
        public long seq() {
            return record.seq();
        }

        @Override
        public String documentId() {
            return record.advisory().documentId();
        }

        @Override
        public int revision() {
            return record.advisory().revision();
        }
    }

    /** The same distribution was accepted before: this is its first result; nothing new fans out. */
    record Duplicate(long seq, String documentId, int revision) implements AppendOutcome {
    }
}
