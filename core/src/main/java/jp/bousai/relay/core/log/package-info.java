/**
 * The log port: durable, sequenced versions of advisories, the current state of documents, and
 * the filters and listeners that read them.
 */
package jp.bousai.relay.core.log;
