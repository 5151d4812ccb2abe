package jp.bousai.relay.server.store.sqlite;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.core.channel.ChannelRoutes;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final Connection connection;
    private final Clock clock;
    private final int maxBatch;
    private final BlockingQueue<Task> queue;
    private final List<Hub> listeners = new CopyOnWriteArrayList<>();
    private final AppendStatements statements;
    private volatile boolean running = true;
    private long headSeq;

    SqliteWriter(Connection connection, Clock clock, int queueCapacity, int maxBatch, ChannelRoutes routes)
            throws SQLException {
        this.connection = connection;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.statements = new AppendStatements(connection, routes);
        this.headSeq = Meta.read(connection, Meta.HEAD_SEQ, 0);
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
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
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
        try {
            for (Task task : batch) {
                afterCommit.add(task.run(connection));
            }
            if (headSeq != headBefore) {
                Meta.write(connection, Meta.HEAD_SEQ, headSeq);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.error("[batch: {}] commit failed; every append in it is refused", batch.size(), e);
            headSeq = headBefore;
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            ProblemException failure = new ProblemException(ProblemType.UNAVAILABLE,
                    "the advisory could not be stored; retry shortly", e);
            batch.forEach(task -> task.fail(failure));
            return;
        }
        afterCommit.forEach(Runnable::run);
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
                outcome = statements.append(submission, headSeq + 1, receivedAt);
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
