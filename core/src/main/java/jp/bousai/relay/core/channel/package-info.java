/** The durable outbound channel port. */
package jp.bousai.relay.core.channel;
