/**
 * The one ingest pipeline every way of issuing goes through (JSON and CAP over HTTP, L-Alert
 * SOAP, later the officers' console): decode, authorise, check the rules, append durably, count
 * and log. It knows nothing of HTTP; each transport turns its credentials into an
 * {@link jp.bousai.relay.core.auth.Issuer} and its outcome into its own kind of answer.
 */
package jp.bousai.relay.server.ingest;
