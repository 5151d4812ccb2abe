/**
 * Choosing and opening a store by {@code store.kind}; each kind lives in a subpackage (SQLite,
 * the embedded default, in {@code sqlite}).
 */
package jp.bousai.relay.server.store;
