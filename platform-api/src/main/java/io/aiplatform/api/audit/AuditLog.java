package io.aiplatform.api.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only {@code audit_log} table. */
@Repository
class AuditLog {

  /** What to look for; {@code null} fields match everything. */
  record Query(UUID systemId, String subject, Instant from, Instant to, Long beforeId, int limit) {}

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void append(AuditEntry e) {
    jdbc.sql(
            """
            INSERT INTO audit_log (at, subject, client_id, method, path, system_id, status,
                request_id, source_address)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            Timestamp.from(e.at()),
            e.subject(),
            e.clientId(),
            e.method(),
            e.path(),
            e.systemId(),
            e.status(),
            e.requestId(),
            e.sourceAddress())
        .update();
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
