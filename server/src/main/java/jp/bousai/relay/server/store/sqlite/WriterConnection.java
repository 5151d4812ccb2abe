package jp.bousai.relay.server.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import jp.bousai.relay.core.channel.ChannelRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's connection and the statements bound to it. After a failed transaction it is
 * rolled back, or replaced by a fresh connection when the rollback fails: SQLite ends a
 * transaction by itself on some errors (a full disk among them), and the driver, whose rollback
 * then fails, would leave the connection outside any transaction, committing each statement
 * on its own.
 */
final class WriterConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriterConnection.class);

    private final SqliteConnections connections;
    private final ChannelRoutes routes;
    private Connection connection;
    private AppendStatements statements;

    WriterConnection(SqliteConnections connections, Connection connection, ChannelRoutes routes) {
        this.connections = connections;
        this.routes = routes;
        use(connection);
    }

    /** The open connection, reopened first if an earlier reopen failed. */
    Connection get() throws SQLException {
        if (connection == null) {
            use(connections.open());
            LOG.debug("[store: sqlite] writer connection reopened");
        }
        return connection;
    }

    AppendStatements statements() throws SQLException {
        get();
        return statements;
    }

    SqliteConnections connections() {
        return connections;
    }

    /**
     * Undoes the open transaction and leaves a connection inside a fresh one.
     *
     * @throws SQLException when no connection could be opened; {@link #get} tries again
     */
    void reset() throws SQLException {
        if (connection == null) {
            get();
            return;
        }
        try {
            connection.rollback();
            return;
        } catch (SQLException e) {
            LOG.debug("[store: sqlite] rollback failed ({}); reopening the writer connection", e.getMessage());
        }
        closeQuietly();
        get();
    }

    private void use(Connection opened) {
        this.connection = opened;
        this.statements = new AppendStatements(opened, routes);
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("[store: sqlite] closing the failed writer connection: {}", e.getMessage());
        }
        connection = null;
        statements = null;
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
