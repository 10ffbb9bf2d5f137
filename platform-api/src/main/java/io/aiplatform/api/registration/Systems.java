package io.aiplatform.api.registration;

import io.aiplatform.api.reconcile.DriftView;
import io.aiplatform.api.reconcile.ReconcilePolicy;
import io.aiplatform.api.registration.SystemRow.Job;
import io.aiplatform.api.registration.SystemRow.Oversight;
import io.aiplatform.api.registration.SystemRow.Provisioned;
import io.aiplatform.api.registration.SystemRow.Stamp;
import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob.Kind;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.SystemSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code systems} table. Every update is guarded by the version it read; a name is unique among
 * the systems that hold it (all but those deleted with their data), which PostgreSQL enforces.
 */
@Repository
class Systems {

  /** The system that holds a name, and how. */
  record Holder(UUID systemId, Status status, boolean deleteData) {}

  private static final TypeReference<List<ResourceResult>> RESOURCES = new TypeReference<>() {};
  private static final TypeReference<List<DriftView.DriftResource>> DRIFT =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Systems(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Inserts a new system unless its name is held; answers whether it did. A concurrent insert of
   * the same name waits for the other transaction, then answers false if that one committed.
   */
  boolean insert(SystemRow row) {
    return jdbc.sql(
                """
                INSERT INTO systems (system_id, system_name, spec, change_spec, status, generation,
                    version, current_job_id, current_job_kind, delete_data, created_by,
                    created_at, updated_at, reconcile_policy)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (system_name) WHERE NOT (status = 'deleted' AND delete_data)
                DO NOTHING
                """)
            .params(
                row.systemId(),
                row.spec().systemName(),
                json.writeValueAsString(row.spec()),
                row.change() == null ? null : json.writeValueAsString(row.change()),
                row.status().wire(),
                row.job().generation(),
                row.stamp().version(),
                row.job().id(),
                row.job().kind().name(),
                row.job().deleteData(),
                row.stamp().createdBy(),
                Timestamp.from(row.stamp().createdAt()),
                Timestamp.from(row.stamp().updatedAt()),
                policy(row))
            .update()
        == 1;
  }

  /**
   * Writes the row if nobody changed it since it was read; false when someone did. The drift
   * columns belong to the {@code reconcile} module and are not written from the row: a new job (a
   * new generation) only resets them, since what a verify found was about the previous one.
   */
  boolean update(SystemRow row) {
    Provisioned p = row.provisioned();
    return jdbc.sql(
                """
                UPDATE systems SET spec = ?::jsonb, change_spec = ?::jsonb, status = ?,
                    generation = ?, version = version + 1, current_job_id = ?,
                    current_job_kind = ?, delete_data = ?, infrastructure = ?::jsonb,
                    resources = ?::jsonb, error_message = ?, updated_at = ?,
                    reconcile_policy = ?,
                    drift_status = CASE WHEN generation = ? THEN drift_status ELSE 'unknown' END,
                    drift_checked_at = CASE WHEN generation = ? THEN drift_checked_at END,
                    drift_resources = CASE WHEN generation = ? THEN drift_resources
                        ELSE '[]'::jsonb END,
                    verify_requested_at = CASE WHEN generation = ? THEN verify_requested_at END,
                    verify_job_id = CASE WHEN generation = ? THEN verify_job_id END
                WHERE system_id = ? AND version = ?
                """)
            .params(
                json.writeValueAsString(row.spec()),
                row.change() == null ? null : json.writeValueAsString(row.change()),
                row.status().wire(),
                row.job().generation(),
                row.job().id(),
                row.job().kind().name(),
                row.job().deleteData(),
                p.infrastructure() == null ? null : json.writeValueAsString(p.infrastructure()),
                json.writeValueAsString(p.resources()),
                p.errorMessage(),
                Timestamp.from(row.stamp().updatedAt()),
                policy(row),
                row.job().generation(),
                row.job().generation(),
                row.job().generation(),
                row.job().generation(),
                row.job().generation(),
                row.systemId(),
                row.stamp().version())
            .update()
        == 1;
  }

  Optional<SystemRow> find(UUID systemId) {
    return jdbc.sql("SELECT * FROM systems WHERE system_id = ?")
        .param(systemId)
        .query(this::map)
        .optional();
  }

  /** The system holding the name, if one does. */
  Optional<Holder> holder(String systemName) {
    return jdbc.sql(
            """
            SELECT system_id, status, delete_data FROM systems
            WHERE system_name = ? AND NOT (status = 'deleted' AND delete_data)
            """)
        .param(systemName)
        .query(
            (rs, n) ->
                new Holder(
                    rs.getObject("system_id", UUID.class),
                    Status.fromWire(rs.getString("status")).orElseThrow(),
                    rs.getBoolean("delete_data")))
        .optional();
  }

  /** Systems waiting for a job result since before the cutoff, oldest first. */
  List<SystemRow> pendingSince(Instant cutoff, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM systems WHERE status IN (?, ?, ?) AND updated_at < ?
            ORDER BY updated_at LIMIT ?
            """)
        .params(
            Status.PENDING_PROVISIONING.wire(),
            Status.UPDATING.wire(),
            Status.DEPROVISIONING.wire(),
            Timestamp.from(cutoff),
            limit)
        .query(this::map)
        .list();
  }

  /**
   * A page, newest first, after the cursor's position.
   *
   * @param drifted only systems whose drift status is {@code drifted} (true) or is not (false);
   *     {@code null}: all
   */
  List<SystemRow> page(Status status, Boolean drifted, PageCursor after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM systems WHERE true");
    List<Object> params = new ArrayList<>();
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status.wire());
    }
    if (drifted != null) {
      sql.append(drifted ? " AND drift_status = 'drifted'" : " AND drift_status <> 'drifted'");
    }
    if (after != null) {
      sql.append(" AND (created_at, system_id) < (?, ?)");
      params.add(Timestamp.from(after.createdAt()));
      params.add(after.systemId());
    }
    sql.append(" ORDER BY created_at DESC, system_id DESC LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(this::map).list();
  }

  private SystemRow map(ResultSet rs, int row) throws SQLException {
    String infrastructure = rs.getString("infrastructure");
    String change = rs.getString("change_spec");
    return new SystemRow(
        rs.getObject("system_id", UUID.class),
        json.readValue(rs.getString("spec"), SystemSpec.class),
        change == null ? null : json.readValue(change, SystemSpec.class),
        Status.fromWire(rs.getString("status")).orElseThrow(),
        new Job(
            rs.getObject("current_job_id", UUID.class),
            Kind.valueOf(rs.getString("current_job_kind")),
            rs.getLong("generation"),
            rs.getBoolean("delete_data")),
        new Provisioned(
            infrastructure == null ? null : json.readValue(infrastructure, Infrastructure.class),
            json.readValue(rs.getString("resources"), RESOURCES),
            rs.getString("error_message")),
        new Stamp(
            rs.getLong("version"),
            rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant()),
        new Oversight(
            ReconcilePolicy.fromWire(rs.getString("reconcile_policy")).orElse(null),
            new DriftView(
                rs.getString("drift_status"),
                rs.getTimestamp("drift_checked_at") == null
                    ? null
                    : rs.getTimestamp("drift_checked_at").toInstant(),
                json.readValue(rs.getString("drift_resources"), DRIFT))));
  }

  private static String policy(SystemRow row) {
    return row.oversight().policy() == null ? null : row.oversight().policy().wire();
  }
}
