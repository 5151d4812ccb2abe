/** The HTTP server: routes, the ingest transports (JSON, CAP, SOAP) and problem+json failures. */
package jp.bousai.relay.server.http;
