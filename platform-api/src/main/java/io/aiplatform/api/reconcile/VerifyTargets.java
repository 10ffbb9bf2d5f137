package io.aiplatform.api.reconcile;

import io.aiplatform.contracts.SystemSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sweep's view of the {@code systems} table: what a verify needs (configuration, generation,
 * policy) and the sweep's own columns ({@code next_verify_at}, the outstanding verify). Rows are
 * read locked, so two API instances never decide about the same system at once.
 */
@Repository
class VerifyTargets {

  /** A system as the sweep sees it. */
  record Target(
      UUID systemId,
      String status,
      long generation,
      SystemSpec spec,
      ReconcilePolicy policy,
      Instant nextVerifyAt,
      UUID verifyJobId,
      Instant verifyRequestedAt) {}

  private static final String COLUMNS =
      "system_id, status, generation, spec, reconcile_policy, next_verify_at, verify_job_id,"
          + " verify_requested_at";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  VerifyTargets(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The system, locked until the transaction ends; empty when there is none. */
  Optional<Target> lock(UUID systemId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM systems WHERE system_id = ? FOR UPDATE")
        .param(systemId)
        .query(this::map)
        .optional();
  }

  /**
   * Up to {@code limit} active systems due at {@code now} (or not placed in the interval yet),
   * locked; rows another instance holds are skipped, not waited for.
   */
  List<Target> claimDue(Instant now, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM systems
                WHERE status = 'active' AND (next_verify_at IS NULL OR next_verify_at <= ?)
                ORDER BY next_verify_at NULLS FIRST
                LIMIT ?
                FOR UPDATE SKIP LOCKED
                """)
        .params(Timestamp.from(now), limit)
        .query(this::map)
        .list();
  }

  /** The system's next turn, without a verify now. */
  void schedule(UUID systemId, Instant next) {
    jdbc.sql("UPDATE systems SET next_verify_at = ? WHERE system_id = ?")
        .params(Timestamp.from(next), systemId)
        .update();
  }

  /** A verify was sent; {@code next} null keeps the system's turn as it is. */
  void requested(UUID systemId, UUID jobId, Instant at, Instant next) {
    jdbc.sql(
            """
            UPDATE systems SET verify_job_id = ?, verify_requested_at = ?,
                next_verify_at = COALESCE(?, next_verify_at)
            WHERE system_id = ?
            """)
        .params(jobId, Timestamp.from(at), next == null ? null : Timestamp.from(next), systemId)
        .update();
  }

  private Target map(ResultSet rs, int row) throws SQLException {
    return new Target(
        rs.getObject("system_id", UUID.class),
        rs.getString("status"),
        rs.getLong("generation"),
        json.readValue(rs.getString("spec"), SystemSpec.class),
        ReconcilePolicy.fromWire(rs.getString("reconcile_policy")).orElse(null),
        instant(rs, "next_verify_at"),
        rs.getObject("verify_job_id", UUID.class),
        instant(rs, "verify_requested_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
