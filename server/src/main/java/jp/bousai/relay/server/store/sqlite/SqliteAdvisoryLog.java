package jp.bousai.relay.server.store.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import jp.bousai.relay.core.store.NonceStore;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.channel.ChannelRoutes;
import jp.bousai.relay.core.channel.Deliveries;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.core.log.CurrentView;
import jp.bousai.relay.core.log.Hub;
import jp.bousai.relay.core.log.Page;
import jp.bousai.relay.core.log.Replay;
import jp.bousai.relay.core.log.Submission;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.store.ReceiverStore;
import jp.bousai.relay.core.store.RelayStore;
import jp.bousai.relay.core.store.WebSubStore;
import jp.bousai.relay.server.store.StoreOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one SQLite file under the data directory, one writer thread with group
 * commit, and a small pool of read connections used from a worker executor. Its schema is
 * upgraded by {@link SqliteMigrations} when it opens.
 */
public final class SqliteAdvisoryLog implements RelayStore {

    public static final String FILE_NAME = "bousai-relay.db";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteAdvisoryLog.class);

    private final Vertx vertx;
    private final WriterConnection writeConnection;
    private final SqliteWriter writer;
    private final Thread writerThread;
    private final BlockingQueue<Connection> readConnections;
    private final WorkerExecutor readExecutor;
    private final SqliteDeliveries deliveries = new SqliteDeliveries(this);
    private final RecentRecords recent = new RecentRecords();
    private final SqliteReceivers receivers = new SqliteReceivers(this);
    private final SqliteWebSubStore webSub = new SqliteWebSubStore(this);
    private final SqliteNonceStore soapNonces = new SqliteNonceStore(this);
    private volatile boolean open = true;

    private SqliteAdvisoryLog(Vertx vertx, WriterConnection writeConnection, SqliteWriter writer,
                              BlockingQueue<Connection> readConnections, int readers) {
        this.vertx = vertx;
        this.writeConnection = writeConnection;
        this.writer = writer;
        this.readConnections = readConnections;
        this.readExecutor = vertx.createSharedWorkerExecutor("bousai-store-read", readers);
        writer.addListener(recent::put); // first: the reads a commit wakes find it kept
        this.writerThread = new Thread(writer, "bousai-store-writer");
        this.writerThread.start();
    }

    /**
     * Opens (creating or migrating if needed) the store in {@code options.dataDir()}, off the event
     * loop; fails when the file's schema is newer than this build knows.
     *
     * @param routes the durable channels each accepted version is queued for
     */
    public static Future<SqliteAdvisoryLog> open(Vertx vertx, StoreOptions options, Clock clock, ChannelRoutes routes) {
        return vertx.executeBlocking(() -> {
            Files.createDirectories(options.dataDir());
            Path file = options.dataDir().resolve(FILE_NAME);
            SqliteConnections connections = new SqliteConnections(file);
            Connection opened = connections.open();
            try {
                SqliteMigrations.migrate(opened, file);
            } catch (SQLException | RuntimeException e) {
                opened.close();
                throw e;
            }
            WriterConnection writeConnection = new WriterConnection(connections, opened, routes);
            SqliteWriter writer = new SqliteWriter(writeConnection, clock, options.writeQueueCapacity(),
                    options.maxBatch());
            BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(options.readers());
            for (int i = 0; i < options.readers(); i++) {
                readers.add(connections.open());
            }
            LOG.info("[store: sqlite, file: {}] opened at seq {}", file,
                    Meta.read(opened, Meta.HEAD_SEQ, 0));
            return new SqliteAdvisoryLog(vertx, writeConnection, writer, readers, options.readers());
        }, false);
    }

    @Override
    public Future<AppendOutcome> append(Submission submission) {
        Promise<AppendOutcome> promise = Promise.promise();
        writer.append(submission, vertx.getOrCreateContext(), promise);
        return promise.future();
    }

    @Override
    public Future<CurrentView> current(AdvisoryFilter filter, Instant now, Page page) {
        return read(connection -> SqliteReads.current(connection, recent, filter, now, page));
    }

    @Override
    public Future<Optional<CurrentAdvisory>> document(String documentId, Instant now) {
        return read(connection -> SqliteReads.document(connection, recent, documentId, now));
    }

    @Override
    public Future<Replay> after(long afterSeq, AdvisoryFilter filter, int limit) {
        return read(connection -> SqliteReads.after(connection, recent, afterSeq, filter, limit));
    }

    @Override
    public Future<List<CurrentAdvisory>> expiredBetween(Instant from, Instant to) {
        return read(connection -> SqliteReads.expiredBetween(connection, recent, from, to));
    }

    @Override
    public Future<Optional<JisCode>> ownerOf(String documentId) {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sender FROM documents WHERE document_id = ?")) {
                select.setString(1, documentId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(JisCode.parse(row.getString("sender"))) : Optional.<JisCode>empty();
                }
            }
        });
    }

    @Override
    public Deliveries deliveries() {
        return deliveries;
    }

    @Override
    public ReceiverStore receivers() {
        return receivers;
    }

    @Override
    public NonceStore soapNonces() {
        return soapNonces;
    }

    @Override
    public WebSubStore webSub() {
        return webSub;
    }

    /** Runs {@code work} in the writer's order, on its connection. */
    <T> Future<T> write(SqliteWriter.SqlWork<T> work) {
        Promise<T> promise = Promise.promise();
        writer.submit(SqliteWriter.maintenance(work, vertx.getOrCreateContext(), promise));
        return promise.future();
    }

    @Override
    public void onCommitted(Hub listener) {
        writer.addListener(listener);
    }

    @Override
    public int pendingWrites() {
        return writer.pending();
    }

    @Override
    public Future<Long> pruneHistory(Instant cutoff) {
        return write(connection -> prune(connection, cutoff));
    }

    private static long prune(Connection connection, Instant cutoff) throws SQLException {
        long last;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(seq), 0) AS last_seq FROM versions WHERE received_at < ?")) {
            select.setLong(1, cutoff.toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                last = row.next() ? row.getLong("last_seq") : 0;
            }
        }
        long firstRetained = Meta.read(connection, Meta.FIRST_RETAINED_SEQ, 1);
        if (last < firstRetained) {
            return firstRetained;
        }
        for (String table : new String[] {"version_areas", "versions"}) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE seq <= ? AND seq NOT IN (SELECT seq FROM documents)"
                    + " AND seq NOT IN (SELECT seq FROM deliveries WHERE state = 'pending')")) {
                delete.setLong(1, last);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM deliveries WHERE seq <= ? AND state <> 'pending'")) {
            delete.setLong(1, last);
            delete.executeUpdate();
        }
        Meta.write(connection, Meta.FIRST_RETAINED_SEQ, last + 1);
        LOG.info("[store: sqlite] pruned history up to seq {}", last);
        return last + 1;
    }

    /** Open, and the last write (or the writer's probe) succeeded: the store takes appends. */
    @Override
    public boolean isOpen() {
        return open && writer.failure() == null;
    }

    /** Why writes fail, or null while they succeed. */
    public String writeFailure() {
        return writer.failure();
    }

    /**
     * Caps the file at {@code pages} pages, as a full disk would ({@link SqliteConnections#NO_PAGE_LIMIT}
     * lifts the cap); for tests of what a full disk does.
     */
    Future<Void> limitPages(long pages) {
        return write(connection -> {
            writeConnection.connections().limitPages(connection, pages);
            return null;
        });
    }

    @Override
    public Future<Void> close() {
        if (!open) {
            return Future.succeededFuture();
        }
        open = false;
        writer.stop();
        return vertx.executeBlocking(() -> {
            writerThread.join();
            writeConnection.close();
            Connection connection;
            while ((connection = readConnections.poll()) != null) {
                connection.close();
            }
            return null;
        }, false).compose(v -> readExecutor.close());
    }

    RecentRecords recent() {
        return recent;
    }

    <T> Future<T> read(SqlRead<T> query) {
        if (!open) {
            return Future.failedFuture(new ProblemException(ProblemType.UNAVAILABLE, "the log is closed"));
        }
        return readExecutor.executeBlocking(() -> {
            Connection connection = readConnections.take();
            try {
                T result = query.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                readConnections.add(connection);
            }
        }, false);
    }

    /** A query on a read connection. */
    @FunctionalInterface
    interface SqlRead<T> {
        T run(Connection connection) throws SQLException;
    }
}
