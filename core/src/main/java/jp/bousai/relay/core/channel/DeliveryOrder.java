package jp.bousai.relay.core.channel;

/** The order a channel needs its versions in. */
public enum DeliveryOrder {
    /**
     * Every version in sequence order (pipelined up to the channel's bound): a version waiting for
     * its retry holds back every later one (MQTT, where retained topics are shared across documents).
     */
    TOTAL,
    /**
     * In order per document only, several documents at once; when a newer revision of a document
     * is pending, older undelivered ones are superseded (media receivers).
     */
    PER_DOCUMENT
}
