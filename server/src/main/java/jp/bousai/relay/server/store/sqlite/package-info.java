/** The embedded SQLite log: WAL with synchronous commits, one group-committing writer. */
package jp.bousai.relay.server.store.sqlite;
