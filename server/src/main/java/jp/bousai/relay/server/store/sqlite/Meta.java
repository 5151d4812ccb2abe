package jp.bousai.relay.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Numbers the log keeps about itself: the head sequence number and the oldest one retained. */
final class Meta {

    static final String HEAD_SEQ = "head_seq";
    static final String FIRST_RETAINED_SEQ = "first_retained_seq";

    private Meta() {
    }

    static long read(Connection connection, String key, long absent) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Long.parseLong(row.getString("value")) : absent;
            }
        }
    }

    static void write(Connection connection, String key, long value) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key);
            upsert.setString(2, Long.toString(value));
            upsert.executeUpdate();
        }
    }
}
