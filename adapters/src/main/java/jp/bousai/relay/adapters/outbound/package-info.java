/** Rendering of logged versions in every {@link jp.bousai.relay.adapters.OutboundFormat}, for every output. */
package jp.bousai.relay.adapters.outbound;
