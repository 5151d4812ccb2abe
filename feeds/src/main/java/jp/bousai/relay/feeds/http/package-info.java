/** The pull endpoints (JSON list, Atom, document) and their shared query and caching rules. */
package jp.bousai.relay.feeds.http;
