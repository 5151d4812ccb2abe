package jp.bousai.relay.server.store.sqlite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.channel.ChannelRoutes;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.AppendOutcome;
import jp.bousai.relay.core.log.Submission;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;

/**
 * Appends one submission inside the writer's open transaction: the idempotency and lifecycle
 * checks, then the version, its areas, its distribution id, the document's new current state and
 * a pending delivery for each channel the version is routed to.
 */
final class AppendStatements {

    private final Connection connection;
    private final ChannelRoutes routes;

    /** @param routes the durable channels each accepted version is queued for */
    AppendStatements(Connection connection, ChannelRoutes routes) {
        this.connection = connection;
        this.routes = routes;
    }

    /**
     * @param seq the sequence number to give the version if it is accepted
     * @throws ProblemException a conflict or forbidden problem; nothing was written
     */
    AppendOutcome append(Submission submission, long seq, Instant receivedAt) throws SQLException {
        Advisory advisory = submission.advisory();
        String contentHash = sha256(submission.json());
        AppendOutcome duplicate = duplicateOf(advisory, contentHash);
        if (duplicate != null) {
            return duplicate;
        }
        checkLifecycle(submission);
        insertVersion(submission, seq, receivedAt);
        insertAreas("INSERT INTO version_areas (seq, code, pref) VALUES (?, ?, ?)", seq, advisory);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO distributions (distribution_id, seq, document_id, revision, content_sha256) "
                        + "VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, advisory.distributionId());
            insert.setLong(2, seq);
            insert.setString(3, advisory.documentId());
            insert.setInt(4, advisory.revision());
            insert.setString(5, contentHash);
            insert.executeUpdate();
        }
        upsertDocument(advisory, seq, receivedAt);
        queueForChannels(advisory, seq, receivedAt);
        StoredRevisions.insert(connection, advisory);
        return new AppendOutcome.Accepted(new AdvisoryRecord(seq, advisory, submission.json(), receivedAt,
                submission.format(), StoredRevisions.before(connection, advisory)));
    }

    private void queueForChannels(Advisory advisory, long seq, Instant receivedAt) throws SQLException {
        List<String> channels = routes.channelsFor(advisory);
        if (channels.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO deliveries (channel, seq, document_id, "
                + "revision, state, queued_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 'pending', ?, 0, ?)")) {
            for (String channel : channels) {
                insert.setString(1, channel);
                insert.setLong(2, seq);
                insert.setString(3, advisory.documentId());
                insert.setInt(4, advisory.revision());
                insert.setLong(5, receivedAt.toEpochMilli());
                insert.setLong(6, receivedAt.toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private AppendOutcome duplicateOf(Advisory advisory, String contentHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, document_id, revision, content_sha256 FROM distributions WHERE distribution_id = ?")) {
            select.setString(1, advisory.distributionId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                if (!row.getString("content_sha256").equals(contentHash)) {
                    throw new ProblemException(ProblemType.CONFLICT, "distributionId " + advisory.distributionId()
                            + " was already used for different content (accepted as seq " + row.getLong("seq")
                            + "); every send needs a distributionId of its own");
                }
                return new AppendOutcome.Duplicate(row.getLong("seq"), row.getString("document_id"),
                        row.getInt("revision"));
            }
        }
    }

    private void checkLifecycle(Submission submission) throws SQLException {
        Advisory advisory = submission.advisory();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT revision, sender, category, cancelled, mode FROM documents WHERE document_id = ?")) {
            select.setString(1, advisory.documentId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return;
                }
                int stored = row.getInt("revision");
                JisCode owner = JisCode.parse(row.getString("sender"));
                if (submission.issuer() != null && !submission.issuer().mayIssueFor(owner)) {
                    throw new ProblemException(ProblemType.FORBIDDEN, "document " + advisory.documentId()
                            + " belongs to sender " + owner + ", which sender " + advisory.sender().code()
                            + " may not revise");
                }
                if (row.getInt("cancelled") != 0) {
                    throw new ProblemException(ProblemType.CONFLICT, "document " + advisory.documentId()
                            + " was cancelled at revision " + stored + "; nothing may follow a Cancel");
                }
                if (advisory.revision() <= stored) {
                    throw new ProblemException(ProblemType.CONFLICT, "revision " + advisory.revision()
                            + " of document " + advisory.documentId() + " is stale: revision " + stored
                            + " is stored; send revision " + (stored + 1) + " or higher");
                }
                if (!row.getString("mode").equals(advisory.mode().wireName())) {
                    throw new ProblemException(ProblemType.CONFLICT, "document " + advisory.documentId()
                            + " is in mode " + row.getString("mode") + "; a revision cannot move it to mode "
                            + advisory.mode().wireName() + " (issue a new document instead)");
                }
                if (!row.getString("category").equals(advisory.category().wireName())) {
                    throw new ProblemException(ProblemType.CONFLICT, "document " + advisory.documentId()
                            + " is " + row.getString("category") + " information; a revision cannot make it "
                            + advisory.category().wireName());
                }
            }
        }
    }

    private void insertVersion(Submission submission, long seq, Instant receivedAt) throws SQLException {
        Advisory advisory = submission.advisory();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO versions (seq, document_id, revision, mode, category, received_at, format, "
                        + "advisory_json, original) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, advisory.documentId());
            insert.setInt(3, advisory.revision());
            insert.setString(4, advisory.mode().wireName());
            insert.setString(5, advisory.category().wireName());
            insert.setLong(6, receivedAt.toEpochMilli());
            insert.setString(7, submission.format());
            insert.setString(8, submission.json());
            insert.setBytes(9, submission.original() == null
                    ? submission.json().getBytes(StandardCharsets.UTF_8) : submission.original());
            insert.executeUpdate();
        }
    }

    private void upsertDocument(Advisory advisory, long seq, Instant receivedAt) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO documents (document_id, seq, revision, sender, category, mode, cancelled, valid_until, "
                        + "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET "
                        + "seq = excluded.seq, revision = excluded.revision, mode = excluded.mode, "
                        + "cancelled = excluded.cancelled, valid_until = excluded.valid_until, "
                        + "changed_at = excluded.changed_at")) {
            upsert.setString(1, advisory.documentId());
            upsert.setLong(2, seq);
            upsert.setInt(3, advisory.revision());
            upsert.setString(4, advisory.sender().code().value());
            upsert.setString(5, advisory.category().wireName());
            upsert.setString(6, advisory.mode().wireName());
            upsert.setInt(7, advisory.type() == MessageType.CANCEL ? 1 : 0);
            if (advisory.validUntil() == null) {
                upsert.setNull(8, Types.INTEGER);
            } else {
                upsert.setLong(8, advisory.validUntil().toInstant().toEpochMilli());
            }
            upsert.setLong(9, receivedAt.toEpochMilli());
            upsert.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM document_areas WHERE document_id = ?")) {
            delete.setString(1, advisory.documentId());
            delete.executeUpdate();
        }
        insertAreas("INSERT INTO document_areas (document_id, code, pref) VALUES (?, ?, ?)",
                advisory.documentId(), advisory);
    }

    private void insertAreas(String sql, Object key, Advisory advisory) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (JisCode code : advisory.areaCodes()) {
                insert.setObject(1, key);
                insert.setString(2, code.value());
                insert.setString(3, code.prefectureNumber());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
