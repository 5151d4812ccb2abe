package jp.bousai.relay.server.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store file's schema up to the version this build uses, when the store opens. The
 * version is SQLite's {@code PRAGMA user_version}; migration {@code n} is the resource
 * {@code store/sqlite/migrations/V00n__what.sql} listed in {@link #SCRIPTS}, run in one
 * transaction together with setting the version to {@code n}, so a crash leaves the file at the
 * version before or after it. Files written before versioning (tables, version 0) pass through
 * V001, which only creates what is missing. A file of a newer version is refused: this build
 * cannot know what a newer one changed.
 */
final class SqliteMigrations {

    /** The migrations in order: entry {@code i} brings the schema to version {@code i + 1}. */
    static final List<String> SCRIPTS = List.of("V001__initial.sql");

    private static final String LOCATION = "/store/sqlite/migrations/";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteMigrations.class);

    private SqliteMigrations() {
    }

    /** The schema version this build writes. */
    static int latest() {
        return SCRIPTS.size();
    }

    /**
     * Runs the migrations {@code connection}'s file lacks.
     *
     * @throws IllegalStateException when the file's schema is newer than {@link #latest()}
     */
    static void migrate(Connection connection, Path file) throws SQLException {
        int found = version(connection);
        if (found > latest()) {
            throw new IllegalStateException("[store: sqlite, file: " + file + "] schema version " + found
                    + " was written by a newer bousai-relay; this one knows versions up to " + latest()
                    + ". Run the newer version (or restore a backup of the data dir from before the upgrade).");
        }
        if (found == 0 && hasTables(connection)) {
            LOG.info("[store: sqlite, file: {}] tables from before schema versioning found: recording them", file);
        }
        for (int next = found + 1; next <= latest(); next++) {
            String script = SCRIPTS.get(next - 1);
            if (!script.startsWith(String.format("V%03d__", next))) {
                throw new IllegalStateException("migration " + script + " is listed as number " + next);
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(script)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + next);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            LOG.info("[store: sqlite, file: {}] schema migrated to version {} ({})", file, next, script);
        }
    }

    /** The file's schema version: 0 for a new file or one from before versioning. */
    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt("user_version") : 0;
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT count(*) AS tables FROM sqlite_master WHERE type = 'table' AND name = 'versions'")) {
            return row.next() && row.getInt("tables") > 0;
        }
    }

    /** A script's statements: its comment lines dropped, split at semicolons. */
    private static List<String> statements(String script) {
        try (InputStream in = SqliteMigrations.class.getResourceAsStream(LOCATION + script)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + script + " is missing from the classpath");
            }
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.stripLeading().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return java.util.Arrays.stream(sql.toString().split(";")).filter(s -> !s.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
