package jp.bousai.relay.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.bousai.relay.adapters.json.AdvisoryJsonReader;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.log.AdvisoryFilter;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.CurrentAdvisory;
import jp.bousai.relay.core.log.CurrentView;
import jp.bousai.relay.core.log.DocumentState;
import jp.bousai.relay.core.log.Page;
import jp.bousai.relay.core.log.Replay;
import jp.bousai.relay.core.validation.FieldErrors;

/** The log's queries. Each runs in one read transaction, so it sees one consistent snapshot. */
final class SqliteReads {

    /** The columns {@link #record} reads, of the versions table aliased {@code v}. */
    static final String RECORD_COLUMNS = "v.seq AS seq, v.advisory_json AS advisory_json, v.received_at AS received_at, v.format AS format";

    private SqliteReads() {
    }

    static CurrentView current(Connection connection, RecentRecords recent, AdvisoryFilter filter, Instant now,
                               Page page)
            throws SQLException {
        FilterSql where = FilterSql.of(filter, "document_areas", "document_id");
        long nowMillis = now.toEpochMilli();
        List<CurrentAdvisory> advisories = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + RECORD_COLUMNS
                + " FROM documents t JOIN versions v ON v.seq = t.seq WHERE t.cancelled = 0"
                + " AND (t.valid_until IS NULL OR t.valid_until > ?) AND " + where.sql()
                + (page.newestFirst() ? " AND t.seq < ? ORDER BY t.seq DESC" : " AND t.seq > ? ORDER BY t.seq")
                + " LIMIT ?")) {
            select.setLong(1, nowMillis);
            int next = bind(select, 2, where.parameters());
            select.setLong(next, page.cursor());
            select.setInt(next + 1, page.limit() + 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AdvisoryRecord record = record(rows, recent);
                    advisories.add(new CurrentAdvisory(record, DocumentState.of(record.advisory(), now)));
                }
            }
        }
        Long nextCursor = null;
        if (advisories.size() > page.limit()) {
            advisories.remove(advisories.size() - 1);
            nextCursor = advisories.get(advisories.size() - 1).record().seq();
        }
        Instant lastChanged = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT max(t.changed_at) AS last_changed, "
                + "max(CASE WHEN t.valid_until <= ? THEN t.valid_until END) AS last_expired FROM documents t WHERE " + where.sql())) {
            select.setLong(1, nowMillis);
            bind(select, 2, where.parameters());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    long changed = Math.max(row.getLong("last_changed"), row.getLong("last_expired"));
                    lastChanged = changed == 0 ? null : Instant.ofEpochMilli(changed);
                }
            }
        }
        return new CurrentView(advisories, Meta.read(connection, Meta.HEAD_SEQ, 0), lastChanged, nextCursor);
    }

    static Optional<CurrentAdvisory> document(Connection connection, RecentRecords recent, String documentId,
                                              Instant now)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + RECORD_COLUMNS
                + " FROM documents t JOIN versions v ON v.seq = t.seq WHERE t.document_id = ?")) {
            select.setString(1, documentId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                AdvisoryRecord record = record(rows, recent);
                return Optional.of(new CurrentAdvisory(record, DocumentState.of(record.advisory(), now)));
            }
        }
    }

    static Replay after(Connection connection, RecentRecords recent, long afterSeq, AdvisoryFilter filter, int limit)
            throws SQLException {
        FilterSql where = FilterSql.of(filter, "version_areas", "seq");
        long head = Meta.read(connection, Meta.HEAD_SEQ, 0);
        long firstRetained = Meta.read(connection, Meta.FIRST_RETAINED_SEQ, 1);
        List<AdvisoryRecord> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + RECORD_COLUMNS.replace("v.", "t.")
                + " FROM versions t WHERE t.seq > ? AND t.seq <= ? AND " + where.sql() + " ORDER BY t.seq LIMIT ?")) {
            select.setLong(1, afterSeq);
            select.setLong(2, head);
            int next = bind(select, 3, where.parameters());
            select.setInt(next, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(record(rows, recent));
                }
            }
        }
        boolean complete = records.size() < limit || records.get(limit - 1).seq() == head;
        long covered = complete ? head : records.get(limit - 1).seq();
        return new Replay(records, firstRetained, covered, complete);
    }

    static List<CurrentAdvisory> expiredBetween(Connection connection, RecentRecords recent, Instant from, Instant to)
            throws SQLException {
        List<CurrentAdvisory> expired = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + RECORD_COLUMNS
                + " FROM documents t JOIN versions v ON v.seq = t.seq WHERE t.cancelled = 0"
                + " AND t.valid_until > ? AND t.valid_until <= ? ORDER BY t.valid_until")) {
            select.setLong(1, from.toEpochMilli());
            select.setLong(2, to.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AdvisoryRecord record = record(rows, recent);
                    expired.add(new CurrentAdvisory(record, DocumentState.of(record.advisory(), to)));
                }
            }
        }
        return expired;
    }

    private static int bind(PreparedStatement statement, int first, List<Object> parameters) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    /** The version in the current row, from {@code recent} when it is there. */
    static AdvisoryRecord record(ResultSet rows, RecentRecords recent) throws SQLException {
        AdvisoryRecord kept = recent.get(rows.getLong("seq"));
        if (kept != null) {
            return kept;
        }
        String json = rows.getString("advisory_json");
        FieldErrors errors = new FieldErrors();
        Advisory advisory = AdvisoryJsonReader.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), errors);
        if (!errors.isEmpty()) {
            throw new SQLException("stored version " + rows.getLong("seq") + " no longer reads: " + errors.list());
        }
        return new AdvisoryRecord(rows.getLong("seq"), advisory, json,
                Instant.ofEpochMilli(rows.getLong("received_at")), rows.getString("format"), StoredRevisions.before(rows.getStatement().getConnection(), advisory));
    }
}
