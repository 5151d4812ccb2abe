/** The WebSocket stream: the SSE stream's semantics over JSON text frames. */
package jp.bousai.relay.feeds.ws;
