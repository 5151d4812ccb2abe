/**
 * The store ports: everything the relay keeps durably, behind one aggregate ({@link
 * jp.bousai.relay.core.store.RelayStore}) so that the composition root picks a store by kind
 * and no caller depends on how it is kept. The clauses every implementation must honour are on
 * {@link jp.bousai.relay.core.store.RelayStore}; a contract test runs them against each store.
 */
package jp.bousai.relay.core.store;
