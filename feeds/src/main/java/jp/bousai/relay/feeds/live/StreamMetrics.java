package jp.bousai.relay.feeds.live;

/** What the streaming endpoints report; the server backs it with Prometheus. */
public interface StreamMetrics {

    StreamMetrics NONE = new StreamMetrics() {
        @Override
        public void subscriberOpened(String transport) {
        }

        @Override
        public void subscriberClosed(String transport) {
        }

        @Override
        public void delivered(String transport, long commitToWriteNanos) {
        }

        @Override
        public void cutOff(String transport) {
        }
    };

    void subscriberOpened(String transport);

    void subscriberClosed(String transport);

    /** An event written to a subscriber, {@code commitToWriteNanos} after it became durable. */
    void delivered(String transport, long commitToWriteNanos);

    /** A subscriber cut off for falling too far behind. */
    void cutOff(String transport);
}
