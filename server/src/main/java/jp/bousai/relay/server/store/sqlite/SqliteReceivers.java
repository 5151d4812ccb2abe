package jp.bousai.relay.server.store.sqlite;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.core.store.ReceiverStore;

/** The receivers added through the admin API, as their JSON definitions, in the log's file. */
final class SqliteReceivers implements ReceiverStore {

    private final SqliteAdvisoryLog log;

    SqliteReceivers(SqliteAdvisoryLog log) {
        this.log = log;
    }

    @Override
    public Future<List<String>> definitions() {
        return log.read(connection -> {
            List<String> definitions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT definition FROM receivers ORDER BY created_at, id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    definitions.add(rows.getString("definition"));
                }
            }
            return definitions;
        });
    }

    @Override
    public Future<Void> save(String id, String definition, Instant now) {
        return log.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO receivers (id, definition, "
                    + "created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET definition = excluded.definition")) {
                upsert.setString(1, id);
                upsert.setString(2, definition);
                upsert.setLong(3, now.toEpochMilli());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<Void> delete(String id) {
        return log.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM receivers WHERE id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            return null;
        });
    }
}
