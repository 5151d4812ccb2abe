/** Running each long-lived part ({@link jp.bousai.relay.core.lifecycle.Lifecycle}) on a context of its own. */
package jp.bousai.relay.server.lifecycle;
