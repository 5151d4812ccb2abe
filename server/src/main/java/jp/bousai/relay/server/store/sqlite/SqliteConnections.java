package jp.bousai.relay.server.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** Opens connections to the log's SQLite file with the settings durability depends on. */
final class SqliteConnections {

    /** SQLite's own ceiling on a file's pages: no cap. */
    static final long NO_PAGE_LIMIT = 4_294_967_294L;

    private final String url;
    private volatile long pageLimit = NO_PAGE_LIMIT;

    SqliteConnections(Path file) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /**
     * A connection in WAL mode with {@code synchronous=FULL}: a commit returns only once the WAL
     * is fsynced, so an acknowledged advisory survives a crash or power loss.
     */
    Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        Connection connection = config.createConnection(url);
        connection.setAutoCommit(false);
        if (pageLimit != NO_PAGE_LIMIT) {
            applyPageLimit(connection);
        }
        return connection;
    }

    /**
     * Caps the file at {@code pages} pages ({@link #NO_PAGE_LIMIT}: no cap) on {@code connection}
     * and on every connection opened after: a write that needs more fails as on a full disk.
     * Tests use it to make a full disk deterministic.
     */
    void limitPages(Connection connection, long pages) throws SQLException {
        pageLimit = pages;
        applyPageLimit(connection);
    }

    private void applyPageLimit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA max_page_count = " + pageLimit);
        }
    }
}
