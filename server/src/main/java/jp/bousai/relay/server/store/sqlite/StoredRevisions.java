package jp.bousai.relay.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.log.EarlierRevision;

/**
 * The {@code revisions} table: one row per accepted revision, kept when the history is pruned,
 * so that a version can always name the revisions before it (CAP references).
 */
final class StoredRevisions {

    /** The most earlier revisions a version names: the newest ones, so that a long chain stays bounded. */
    static final int MAX_EARLIER = 100;

    private StoredRevisions() {
    }

    static void insert(Connection connection, Advisory advisory) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO revisions "
                + "(document_id, revision, sender_code, report_time) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, advisory.documentId());
            insert.setInt(2, advisory.revision());
            insert.setString(3, advisory.sender().code().value());
            insert.setString(4, advisory.reportTime().toString());
            insert.executeUpdate();
        }
    }

    /** The revisions of the advisory's document before its own, oldest first. */
    static List<EarlierRevision> before(Connection connection, Advisory advisory) throws SQLException {
        List<EarlierRevision> earlier = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT revision, sender_code, report_time "
                + "FROM revisions WHERE document_id = ? AND revision < ? ORDER BY revision DESC LIMIT ?")) {
            select.setString(1, advisory.documentId());
            select.setInt(2, advisory.revision());
            select.setInt(3, MAX_EARLIER);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    earlier.add(0, new EarlierRevision(rows.getInt(1), JisCode.parse(rows.getString(2)),
                            OffsetDateTime.parse(rows.getString(3))));
                }
            }
        }
        return earlier;
    }
}
