package jp.bousai.relay.core.area.directory;

/** How well a search result matches the query; results come in this order. */
public enum MatchRank {
    /** The whole name or reading is the query. */
    EXACT,
    /** The name or reading starts with the query. */
    PREFIX,
    /** The query occurs inside the name or reading. */
    SUBSTRING
}
