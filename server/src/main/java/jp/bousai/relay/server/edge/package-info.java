/**
 * Where the HTTP server meets the outside world, for every route alike: TLS, security headers,
 * CORS and WebSocket origins, the access log, and streams told to reconnect elsewhere when the
 * server stops.
 */
package jp.bousai.relay.server.edge;
