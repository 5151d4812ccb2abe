/** Dispatching durable channels' outboxes: in order, at least once, with bounded backoff. */
package jp.bousai.relay.server.outbox;
