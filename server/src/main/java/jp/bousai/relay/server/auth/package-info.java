/** Sender authentication: hashed bearer API keys mapped to issuers. */
package jp.bousai.relay.server.auth;
