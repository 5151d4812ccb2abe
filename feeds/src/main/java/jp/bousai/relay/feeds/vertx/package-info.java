/**
 * The one place in the feeds module that reaches below Vert.x's public API (its internal context
 * and buffer types, its WebSocket frame implementation, the Netty channel under a connection).
 */
package jp.bousai.relay.feeds.vertx;
