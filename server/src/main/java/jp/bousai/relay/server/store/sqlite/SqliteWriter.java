package jp.bousai.relay.server.store.sqlite;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.log.Hub;
import jp.bousai.relay.core.log.Submission;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's only writer: one thread that takes appends from a bounded queue and commits them in
 * groups, so that concurrent senders share one fsync. Each append runs under its own savepoint,
 * so a refused one leaves the others in its group untouched. Callers hear back on their own
 * Vert.x context once the group is durable; listeners see each accepted version, in sequence
 * order, before its sender hears back.
 *
 * <p>A failed transaction is rolled back (on a fresh connection if need be) and the head is read
 * back from the file, so nothing refused is stored and the next append gets the right sequence
 * number. If a failed COMMIT is found to have landed after all, its appends are answered as
 * accepted. While writes fail the writer reports itself {@linkplain #failure() failing} and
 * probes the file every {@link #PROBE_INTERVAL_MILLIS} ms, so that it recovers by itself once
 * space is back even when no sender is trying.
 */
final class SqliteWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteWriter.class);

    /** A unit of work for the writer thread; appends are the common one. */
    interface Task {
        /** Runs inside the open transaction; returns what to do once it is committed. */
        Runnable run(Connection connection) throws SQLException;

        /** Called instead when the transaction failed. */
        void fail(Throwable cause);
    }

    /** How often a failing writer tries a write of its own. */
    static final long PROBE_INTERVAL_MILLIS = 500;

    private final WriterConnection connection;
    private final Clock clock;
    private final int maxBatch;
    private final BlockingQueue<Task> queue;
    private final List<Hub> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile String failure;
    private long failingSince;
    private long headSeq;

    SqliteWriter(WriterConnection connection, Clock clock, int queueCapacity, int maxBatch) throws SQLException {
        this.connection = connection;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.headSeq = Meta.read(connection.get(), Meta.HEAD_SEQ, 0);
    }

    /** Why the last write failed, or null while writes succeed. */
    String failure() {
        return failure;
    }

    void addListener(Hub listener) {
        listeners.add(listener);
    }

    /** Queues an append; its promise completes on {@code context}. */
    void append(Submission submission, Context context, Promise<AppendOutcome> promise) {
        submit(new AppendTask(submission, context, promise));
    }

    void submit(Task task) {
        if (!running) {
            task.fail(new ProblemException(ProblemType.UNAVAILABLE, "the log is closed"));
        } else if (!queue.offer(task)) {
            task.fail(new ProblemException(ProblemType.OVERLOADED,
                    "the write queue is full (" + queue.size() + " pending); retry shortly"));
        }
    }

    int pending() {
        return queue.size();
    }

    void stop() {
        running = false;
        queue.offer(new StopTask());
    }

    @Override
    public void run() {
        List<Task> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            Task first;
            try {
                first = failure == null ? queue.take() : queue.poll(PROBE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first == null) {
                commit(List.of(new ProbeTask()));
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            commit(batch);
            batch.clear();
        }
        Task left;
        while ((left = queue.poll()) != null) {
            left.fail(new ProblemException(ProblemType.UNAVAILABLE, "the log was closed before this was written"));
        }
    }

    private void commit(List<Task> batch) {
        long headBefore = headSeq;
        List<Runnable> afterCommit = new ArrayList<>(batch.size());
        boolean committing = false;
        try {
            Connection open = connection.get();
            for (Task task : batch) {
                afterCommit.add(task.run(open));
            }
            if (headSeq != headBefore) {
                Meta.write(open, Meta.HEAD_SEQ, headSeq);
            }
            committing = true;
            open.commit();
        } catch (SQLException | RuntimeException e) {
            if (!recover(batch, headBefore, committing, e)) {
                return;
            }
        }
        succeeded();
        afterCommit.forEach(Runnable::run);
    }

    /**
     * Restores a clean connection and the head stored in the file after a failed transaction.
     *
     * @return true when a failed COMMIT turns out to have stored the batch after all
     */
    private boolean recover(List<Task> batch, long headBefore, boolean committing, Exception e) {
        long attempted = headSeq;
        headSeq = headBefore;
        try {
            connection.reset();
            long stored = Meta.read(connection.get(), Meta.HEAD_SEQ, 0);
            if (committing && attempted != headBefore && stored == attempted) {
                LOG.warn("[batch: {}, seq: {}] the commit reported a failure but is stored; answering it as accepted",
                        batch.size(), stored, e);
                headSeq = stored;
                return true;
            }
            headSeq = stored;
        } catch (SQLException | RuntimeException reset) {
            e.addSuppressed(reset);
        }
        failed(batch.size(), e);
        ProblemException refusal = new ProblemException(ProblemType.UNAVAILABLE,
                "the advisory could not be stored; retry shortly", e);
        batch.forEach(task -> task.fail(refusal));
        return false;
    }

    private void failed(int batchSize, Exception e) {
        if (failure == null) {
            failingSince = System.nanoTime();
            LOG.error("[batch: {}, head: {}] writing to the log failed; refusing appends until a write succeeds",
                    batchSize, headSeq, e);
        } else {
            LOG.debug("[batch: {}] writing to the log still fails: {}", batchSize, e.toString());
        }
        failure = String.valueOf(e.getMessage());
    }

    private void succeeded() {
        if (failure != null) {
            failure = null;
            LOG.info("[head: {}] writing to the log works again after {} ms", headSeq,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - failingSince));
        }
    }

    /** Appends a submission: the version gets the next sequence number if accepted. */
    private final class AppendTask implements Task {
        private final Submission submission;
        private final Context context;
        private final Promise<AppendOutcome> promise;

        AppendTask(Submission submission, Context context, Promise<AppendOutcome> promise) {
            this.submission = submission;
            this.context = context;
            this.promise = promise;
        }

        @Override
        public Runnable run(Connection connection) throws SQLException {
            Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Savepoint savepoint = connection.setSavepoint();
            AppendOutcome outcome;
            try {
                outcome = SqliteWriter.this.connection.statements().append(submission, headSeq + 1, receivedAt);
            } catch (ProblemException refused) {
                connection.rollback(savepoint);
                return () -> context.runOnContext(v -> promise.fail(refused));
            }
            connection.releaseSavepoint(savepoint);
            if (outcome instanceof AppendOutcome.Accepted accepted) {
                headSeq = accepted.seq();
                return () -> {
                    notifyListeners(accepted);
                    context.runOnContext(v -> promise.complete(outcome));
                };
            }
            return () -> context.runOnContext(v -> promise.complete(outcome));
        }

        @Override
        public void fail(Throwable cause) {
            context.runOnContext(v -> promise.fail(cause));
        }
    }

    private void notifyListeners(AppendOutcome.Accepted accepted) {
        for (Hub listener : listeners) {
            try {
                listener.publish(accepted.record());
            } catch (RuntimeException e) {
                LOG.error("[seq: {}] a log listener failed", accepted.seq(), e);
            }
        }
    }

    /**
     * A write of about one advisory's size that leaves nothing behind: a failing writer's test of
     * whether the file takes writes again.
     */
    private static final class ProbeTask implements Task {
        @Override
        public Runnable run(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO write_probe (data) VALUES (zeroblob(16384))");
                statement.executeUpdate("DELETE FROM write_probe");
            }
            return () -> { };
        }

        @Override
        public void fail(Throwable cause) {
        }
    }

    /** Ends the writer loop once everything queued before it is written. */
    private static final class StopTask implements Task {
        @Override
        public Runnable run(Connection connection) {
            return () -> { };
        }

        @Override
        public void fail(Throwable cause) {
        }
    }

    /**
     * A write that is not an append (e.g. pruning), run in order with the appends; its result
     * completes {@code promise} on {@code context} once committed.
     */
    static <T> Task maintenance(SqlWork<T> work, Context context, Promise<T> promise) {
        return new Task() {
            @Override
            public Runnable run(Connection connection) throws SQLException {
                T result = work.run(connection);
                return () -> context.runOnContext(v -> promise.complete(result));
            }

            @Override
            public void fail(Throwable cause) {
                context.runOnContext(v -> promise.fail(cause));
            }
        };
    }

    /** SQL run on the writer's connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
