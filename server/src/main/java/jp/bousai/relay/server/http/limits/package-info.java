/**
 * Rate limits (token buckets per API key, SOAP user and client address) and connection hygiene
 * (header, body and idle timeouts, a cap on connections per client address), wired into the HTTP
 * server as separate handlers.
 */
package jp.bousai.relay.server.http.limits;
