package jp.bousai.relay.server.store.sqlite;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.channel.Deliveries;
import jp.bousai.relay.core.channel.DeliveryOrder;
import jp.bousai.relay.core.channel.DeliveryReceipt;
import jp.bousai.relay.core.channel.DeliveryState;
import jp.bousai.relay.core.channel.PendingDelivery;

/** The channels' outboxes and receipts in the {@code deliveries} table of the log's file. */
final class SqliteDeliveries implements Deliveries {

    private static final int MAX_ERROR_LENGTH = 500;
    private static final String PENDING = DeliveryState.PENDING.wireName();
    private final SqliteAdvisoryLog log;

    SqliteDeliveries(SqliteAdvisoryLog log) {
        this.log = log;
    }

    @Override
    public Future<List<PendingDelivery>> pending(String channel, DeliveryOrder order, Instant now, int limit) {
        return log.read(connection -> pending(connection, log.recent(), channel, order, now, limit));
    }

    private static List<PendingDelivery> pending(Connection connection, RecentRecords recent, String channel,
                                                 DeliveryOrder order, Instant now, int limit) throws SQLException {
        boolean total = order == DeliveryOrder.TOTAL;
        List<PendingDelivery> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + SqliteReads.RECORD_COLUMNS
                + ", d.attempts, d.next_attempt_at FROM deliveries d JOIN versions v ON v.seq = d.seq"
                + " WHERE d.channel = ? AND d.state = '" + PENDING + "'"
                + (total ? "" : " AND d.next_attempt_at <= ?") + " ORDER BY d.seq LIMIT ?")) {
            select.setString(1, channel);
            if (total) {
                select.setInt(2, limit);
            } else {
                select.setLong(2, now.toEpochMilli());
                select.setInt(3, limit);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && rows.getLong("next_attempt_at") <= now.toEpochMilli()) {
                    due.add(new PendingDelivery(SqliteReads.record(rows, recent), rows.getInt("attempts")));
                }
            }
        }
        return due;
    }

    @Override
    public Future<Long> depth(String channel) {
        return log.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*) AS depth FROM deliveries WHERE channel = ? AND state = '" + PENDING + "'")) {
                count.setString(1, channel);
                try (ResultSet row = count.executeQuery()) {
                    return row.next() ? row.getLong("depth") : 0L;
                }
            }
        });
    }

    @Override
    public Future<Void> delivered(String channel, PendingDelivery delivery, Instant attemptedAt, Instant acknowledgedAt,
                                  boolean supersedeOlder) {
        return settle(channel, delivery, supersedeOlder, "UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, "
                        + "first_attempt_at = coalesce(first_attempt_at, ?), delivered_at = ? "
                        + "WHERE channel = ? AND seq = ? AND state = '" + PENDING + "'",
                attemptedAt.toEpochMilli(), acknowledgedAt.toEpochMilli(), channel, delivery.record().seq());
    }

    @Override
    public Future<Void> failed(String channel, PendingDelivery delivery, Instant attemptedAt, Instant nextAttempt,
                               String error, boolean supersedeOlder) {
        String shortened = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH));
        return settle(channel, delivery, supersedeOlder, "UPDATE deliveries SET attempts = attempts + 1, "
                        + "first_attempt_at = coalesce(first_attempt_at, ?), next_attempt_at = ?, last_error = ? "
                        + "WHERE channel = ? AND seq = ? AND state = '" + PENDING + "'",
                attemptedAt.toEpochMilli(), nextAttempt.toEpochMilli(), shortened, channel, delivery.record().seq());
    }

    @Override
    public Future<Void> expired(String channel, PendingDelivery delivery) {
        return settle(channel, delivery, true, "UPDATE deliveries SET state = 'expired' WHERE channel = ? AND seq = ? "
                + "AND state = '" + PENDING + "'", channel, delivery.record().seq());
    }

    /** One update of a version's row and, optionally, the supersession of the document's older pending rows. */
    private Future<Void> settle(String channel, PendingDelivery delivery, boolean supersedeOlder, String sql,
                                Object... parameters) {
        return log.write(connection -> {
            execute(connection, sql, parameters);
            if (supersedeOlder) {
                try (PreparedStatement supersede = connection.prepareStatement("UPDATE deliveries SET state = "
                        + "'superseded' WHERE channel = ? AND document_id = ? AND seq < ? AND state = '" + PENDING + "'")) {
                    supersede.setString(1, channel);
                    supersede.setString(2, delivery.record().advisory().documentId());
                    supersede.setLong(3, delivery.record().seq());
                    supersede.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Future<Integer> dueNow(String channel, Instant now, int limit) {
        return log.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE deliveries SET next_attempt_at = ? "
                    + "WHERE channel = ? AND seq IN (SELECT seq FROM deliveries WHERE channel = ? AND state = '"
                    + PENDING + "' AND next_attempt_at > ? ORDER BY seq LIMIT ?)")) {
                update.setLong(1, now.toEpochMilli());
                update.setString(2, channel);
                update.setString(3, channel);
                update.setLong(4, now.toEpochMilli());
                update.setInt(5, limit);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public Future<Void> abandon(String channel) {
        return update("UPDATE deliveries SET state = 'abandoned', last_error = 'receiver removed' "
                + "WHERE channel = ? AND state = '" + PENDING + "'", channel);
    }

    @Override
    public Future<List<DeliveryReceipt>> receipts(String documentId) {
        return log.read(connection -> {
            List<DeliveryReceipt> receipts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT channel, seq, revision, state, "
                    + "queued_at, first_attempt_at, delivered_at, attempts, last_error, next_attempt_at "
                    + "FROM deliveries WHERE document_id = ? ORDER BY channel, seq")) {
                select.setString(1, documentId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        receipts.add(new DeliveryReceipt(rows.getString("channel"), rows.getLong("seq"),
                                rows.getInt("revision"),
                                WireNamed.find(DeliveryState.class, rows.getString("state")).orElseThrow(),
                                instant(rows, "queued_at"), instant(rows, "first_attempt_at"),
                                instant(rows, "delivered_at"), rows.getInt("attempts"),
                                rows.getString("last_error"), instant(rows, "next_attempt_at")));
                    }
                }
            }
            return receipts;
        });
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private Future<Void> update(String sql, Object... parameters) {
        return log.write(connection -> {
            execute(connection, sql, parameters);
            return null;
        });
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }
}
