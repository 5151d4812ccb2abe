/** Coded failures (RFC 9457 problem types) and field errors, shared by every entry point. */
package jp.bousai.relay.core.problem;
