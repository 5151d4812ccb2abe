/** A WebSub hub (W3C Recommendation, 2018) for the Atom feeds: verified subscriptions with leases, signed pushes. */
package jp.bousai.relay.feeds.websub;
