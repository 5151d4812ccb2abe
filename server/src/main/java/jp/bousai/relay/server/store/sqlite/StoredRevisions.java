package jp.bousai.relay.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.WireNamed;
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
                + "(document_id, revision, sender_code, report_time, mode, category, areas) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, advisory.documentId());
            insert.setInt(2, advisory.revision());
            insert.setString(3, advisory.sender().code().value());
            insert.setString(4, advisory.reportTime().toString());
            insert.setString(5, advisory.mode().wireName());
            insert.setString(6, advisory.category().wireName());
            insert.setString(7, String.join(" ", advisory.areaCodes().stream().map(JisCode::value).toList()));
            insert.executeUpdate();
        }
    }

    /** The revisions of the advisory's document before its own, oldest first. */
    static List<EarlierRevision> before(Connection connection, Advisory advisory) throws SQLException {
        List<EarlierRevision> earlier = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT revision, sender_code, report_time, "
                + "mode, category, areas FROM revisions WHERE document_id = ? AND revision < ? "
                + "ORDER BY revision DESC LIMIT ?")) {
            select.setString(1, advisory.documentId());
            select.setInt(2, advisory.revision());
            select.setInt(3, MAX_EARLIER);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    earlier.add(0, new EarlierRevision(rows.getInt("revision"),
                            JisCode.parse(rows.getString("sender_code")),
                            OffsetDateTime.parse(rows.getString("report_time")),
                            wireNamed(Mode.class, rows.getString("mode")),
                            wireNamed(Category.class, rows.getString("category")), areas(rows.getString("areas"))));
                }
            }
        }
        return earlier;
    }

    private static <E extends Enum<E> & WireNamed> E wireNamed(Class<E> type, String name) {
        return name == null ? null : WireNamed.find(type, name).orElse(null);
    }

    private static List<JisCode> areas(String codes) {
        return codes == null || codes.isBlank() ? List.of()
                : Arrays.stream(codes.trim().split(" +")).map(JisCode::parse).toList();
    }
}
