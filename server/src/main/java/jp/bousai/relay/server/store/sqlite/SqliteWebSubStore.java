package jp.bousai.relay.server.store.sqlite;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.core.store.WebSubStore;
import jp.bousai.relay.core.store.WebSubSubscription;

/** The WebSub hub's subscriptions in the log's file. */
final class SqliteWebSubStore implements WebSubStore {

    private final SqliteAdvisoryLog log;

    SqliteWebSubStore(SqliteAdvisoryLog log) {
        this.log = log;
    }

    @Override
    public Future<Void> save(WebSubSubscription subscription) {
        return log.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO websub_subscriptions (callback, "
                    + "topic, secret, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (callback, topic) DO UPDATE SET "
                    + "secret = excluded.secret, expires_at = excluded.expires_at")) {
                upsert.setString(1, subscription.callback());
                upsert.setString(2, subscription.topic());
                upsert.setString(3, subscription.secret());
                upsert.setLong(4, subscription.expiresAt().toEpochMilli());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<Void> delete(String callback, String topic) {
        return log.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM websub_subscriptions WHERE callback = ? AND topic = ?")) {
                delete.setString(1, callback);
                delete.setString(2, topic);
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<List<WebSubSubscription>> all() {
        return log.read(connection -> {
            List<WebSubSubscription> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT callback, topic, secret, expires_at FROM websub_subscriptions ORDER BY callback, topic");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(new WebSubSubscription(rows.getString("callback"), rows.getString("topic"),
                            rows.getString("secret"), Instant.ofEpochMilli(rows.getLong("expires_at"))));
                }
            }
            return all;
        });
    }
}
