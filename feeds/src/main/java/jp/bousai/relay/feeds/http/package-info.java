/**
 * The pull endpoints (JSON list, Atom, document) and their shared query and caching rules, and
 * {@link jp.bousai.relay.feeds.http.HttpEndpoint}, the contract every part of the HTTP API adds its
 * routes by.
 */
package jp.bousai.relay.feeds.http;
