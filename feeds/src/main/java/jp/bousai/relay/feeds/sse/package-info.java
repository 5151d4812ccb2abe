/** The Server-Sent Events stream with resume, gap signal and snapshot. */
package jp.bousai.relay.feeds.sse;
