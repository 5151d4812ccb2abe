package jp.bousai.relay.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.bousai.relay.core.store.NonceStore;

/**
 * The SOAP nonces of the replay window in the log's file ({@code soap_nonces}), written in the
 * writer's order and committed before the token is accepted. Only a SHA-256 of each nonce is
 * kept; expired ones are deleted as new ones arrive.
 */
final class SqliteNonceStore implements NonceStore {

    /** How long a request waits for its nonce to be committed before it is refused. */
    static final long WRITE_TIMEOUT_SECONDS = 10;

    private final SqliteAdvisoryLog log;

    SqliteNonceStore(SqliteAdvisoryLog log) {
        this.log = log;
    }

    @Override
    public boolean remember(String key, Instant now, Instant until) {
        String hash = AppendStatements.sha256(key);
        try {
            return log.write(connection -> insert(connection, hash, now, until)).toCompletionStage()
                    .toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a nonce", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("recording a nonce failed", e);
        }
    }

    private static boolean insert(Connection connection, String hash, Instant now, Instant until)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM soap_nonces WHERE expires_at < ?")) {
            delete.setLong(1, now.toEpochMilli());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO soap_nonces (nonce_sha256, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, hash);
            insert.setLong(2, until.toEpochMilli());
            return insert.executeUpdate() == 1;
        }
    }
}
