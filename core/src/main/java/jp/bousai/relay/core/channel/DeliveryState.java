package jp.bousai.relay.core.channel;

import jp.bousai.relay.core.advisory.WireNamed;

/** Where one version stands with one channel. */
public enum DeliveryState implements WireNamed {
    /** Not yet acknowledged; being tried. */
    PENDING,
    /** Acknowledged by the far side. */
    DELIVERED,
    /** Skipped: a newer revision of the same document was delivered instead. */
    SUPERSEDED,
    /** Dropped undelivered: its validity ended first. */
    EXPIRED,
    /** Dropped undelivered: the receiver was removed. */
    ABANDONED
}
