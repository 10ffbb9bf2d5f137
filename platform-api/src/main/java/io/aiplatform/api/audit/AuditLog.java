package io.aiplatform.api.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The append-only {@code audit_log} table. */
@Repository
class AuditLog {

  /** What to look for; {@code null} fields match everything. */
  record Query(UUID systemId, String subject, Instant from, Instant to, Long beforeId, int limit) {}

  private static final String INSERT =
      """
      INSERT INTO audit_log (at, subject, client_id, method, path, system_id, status,
          request_id, source_address)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transactions;

  AuditLog(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.transactions = transactions;
  }

  /** Writes one record, in the caller's transaction if there is one. */
  void append(AuditEntry e) {
    jdbc.sql(INSERT).params(values(e)).update();
  }

  /** Writes the records in one transaction: all of them or none. */
  void appendAll(List<AuditEntry> entries) {
    transactions.executeWithoutResult(
        tx -> batch.batchUpdate(INSERT, entries.stream().map(AuditLog::values).toList()));
  }

  private static Object[] values(AuditEntry e) {
    return new Object[] {
      Timestamp.from(e.at()),
      e.subject(),
      e.clientId(),
      e.method(),
      e.path(),
      e.systemId(),
      e.status(),
      e.requestId(),
      e.sourceAddress()
    };
  }

  /** Newest first. */
  List<AuditEntry> find(Query q) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE true");
    List<Object> params = new ArrayList<>();
    condition(sql, params, " AND system_id = ?", q.systemId());
    condition(sql, params, " AND subject = ?", q.subject());
    condition(sql, params, " AND at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
    condition(sql, params, " AND at < ?", q.to() == null ? null : Timestamp.from(q.to()));
    condition(sql, params, " AND id < ?", q.beforeId());
    sql.append(" ORDER BY id DESC LIMIT ?");
    params.add(q.limit());
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, n) ->
                new AuditEntry(
                    rs.getLong("id"),
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("subject"),
                    rs.getString("client_id"),
                    rs.getString("method"),
                    rs.getString("path"),
                    rs.getObject("system_id", UUID.class),
                    rs.getInt("status"),
                    rs.getString("request_id"),
                    rs.getString("source_address")))
        .list();
  }

  private static void condition(StringBuilder sql, List<Object> params, String clause, Object v) {
    if (v != null) {
      sql.append(clause);
      params.add(v);
    }
  }
}
