/** Renderers of logged advisories: the shared record JSON and Atom 1.0. */
package jp.bousai.relay.feeds.render;
