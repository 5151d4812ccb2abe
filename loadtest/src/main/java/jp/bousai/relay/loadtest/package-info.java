/** The black-box load test: subscribers and an issuer over loopback, latency histograms, a JSON report. */
package jp.bousai.relay.loadtest;
