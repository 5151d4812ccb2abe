/** The HTTP server: routes, the ingest pipeline and problem+json failures. */
package jp.bousai.relay.server.http;
