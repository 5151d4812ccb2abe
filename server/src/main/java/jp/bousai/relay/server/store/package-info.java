/** Choosing and opening a store by {@code store.kind}; each kind lives in a subpackage (SQLite: the embedded default). */
package jp.bousai.relay.server.store;
