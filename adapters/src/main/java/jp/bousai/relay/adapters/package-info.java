/** Translation at the edges: inbound formats to advisories; one package per format or channel. */
package jp.bousai.relay.adapters;
