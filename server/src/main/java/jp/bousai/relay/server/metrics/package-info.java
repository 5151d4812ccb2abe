/** Prometheus metrics: names, registry and the /metrics exposition. */
package jp.bousai.relay.server.metrics;
