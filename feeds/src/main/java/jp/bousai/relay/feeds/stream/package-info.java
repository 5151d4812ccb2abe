/** One stream state machine (catch-up, live, gap, snapshot, cut-off) for every transport. */
package jp.bousai.relay.feeds.stream;
