/** Live fan-out: per-event-loop subscriber registries with an area index, fed by the log in seq order. */
package jp.bousai.relay.feeds.live;
