package jp.bousai.relay.server.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Options of the durable store.
 *
 * @param kind which store keeps the data ({@code store.kind}, one of {@link StoreKinds#names()})
 * @param dataDir where the store's files live ({@code data.dir})
 * @param writeQueueCapacity appends that may wait for the writer before senders get 503
 * @param maxBatch appends committed together in one transaction at most (group commit)
 * @param readers read connections, used from a worker pool of the same size
 * @param historyRetention how long superseded versions stay replayable
 */
public record StoreOptions(String kind, Path dataDir, int writeQueueCapacity, int maxBatch, int readers,
                           Duration historyRetention) {

    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final String DEFAULT_KIND = StoreKinds.SQLITE;
    public static final int DEFAULT_WRITE_QUEUE_CAPACITY = 10_000;
    public static final int DEFAULT_MAX_BATCH = 256;
    public static final int DEFAULT_READERS = 4;
    public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(30);
}
