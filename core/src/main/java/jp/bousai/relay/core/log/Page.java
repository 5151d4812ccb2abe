package jp.bousai.relay.core.log;

/**
 * A bounded window on the published documents, ordered by the sequence number of their latest
 * version: oldest first after {@code cursor}, or newest first before it.
 */
public record Page(boolean newestFirst, long cursor, int limit) {

    public Page {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one item, got " + limit);
        }
    }

    /** Documents whose latest seq is above {@code afterSeq}, oldest first; 0 starts at the beginning. */
    public static Page oldestFirst(long afterSeq, int limit) {
        return new Page(false, afterSeq, limit);
    }

    /** Documents whose latest seq is below {@code beforeSeq}, newest first; {@link Long#MAX_VALUE} starts at the newest. */
    public static Page newestFirst(long beforeSeq, int limit) {
        return new Page(true, beforeSeq, limit);
    }
}
