/** Renderers of logged advisories: Atom 1.0. */
package jp.bousai.relay.feeds.render;
