/** Implementations of the log port: SQLite (embedded default). */
package jp.bousai.relay.server.store;
