package io.aiplatform.api.registration;

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

/** The {@code systems} table. Every update is guarded by the version it read. */
@Repository
class Systems {

  private static final TypeReference<List<ResourceResult>> RESOURCES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Systems(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Inserts a new system; a duplicate name raises {@code DuplicateKeyException}. */
  void insert(SystemRow row) {
    jdbc.sql(
            """
            INSERT INTO systems (system_id, system_name, spec, status, generation, version,
                current_job_id, current_job_kind, delete_data, created_by, created_at, updated_at)
            VALUES (?, ?, ?::jsonb, ?, ?, 0, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            row.systemId(),
            row.spec().systemName(),
            json.writeValueAsString(row.spec()),
            row.status().wire(),
            row.generation(),
            row.currentJobId(),
            row.currentJobKind().name(),
            row.deleteData(),
            row.createdBy(),
            Timestamp.from(row.createdAt()),
            Timestamp.from(row.updatedAt()))
        .update();
  }

  /** Writes the row if nobody changed it since it was read; false when someone did. */
  boolean update(SystemRow row) {
    return jdbc.sql(
                """
                UPDATE systems SET status = ?, generation = ?, version = version + 1,
                    current_job_id = ?, current_job_kind = ?, delete_data = ?,
                    infrastructure = ?::jsonb, resources = ?::jsonb, error_message = ?,
                    updated_at = ?
                WHERE system_id = ? AND version = ?
                """)
            .params(
                row.status().wire(),
                row.generation(),
                row.currentJobId(),
                row.currentJobKind().name(),
                row.deleteData(),
                row.infrastructure() == null ? null : json.writeValueAsString(row.infrastructure()),
                json.writeValueAsString(row.resources()),
                row.errorMessage(),
                Timestamp.from(row.updatedAt()),
                row.systemId(),
                row.version())
            .update()
        == 1;
  }

  Optional<SystemRow> find(UUID systemId) {
    return jdbc.sql("SELECT * FROM systems WHERE system_id = ?")
        .param(systemId)
        .query(this::map)
        .optional();
  }

  /** Systems waiting for a job result since before the cutoff, oldest first. */
  List<SystemRow> pendingSince(Instant cutoff, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM systems WHERE status IN (?, ?) AND updated_at < ?
            ORDER BY updated_at LIMIT ?
            """)
        .params(
            Status.PENDING_PROVISIONING.wire(),
            Status.DEPROVISIONING.wire(),
            Timestamp.from(cutoff),
            limit)
        .query(this::map)
        .list();
  }

  /** A page, newest first, after the cursor's position. */
  List<SystemRow> page(Status status, PageCursor after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM systems WHERE true");
    List<Object> params = new ArrayList<>();
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status.wire());
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
    return new SystemRow(
        rs.getObject("system_id", UUID.class),
        json.readValue(rs.getString("spec"), SystemSpec.class),
        Status.fromWire(rs.getString("status")).orElseThrow(),
        rs.getLong("generation"),
        rs.getLong("version"),
        rs.getObject("current_job_id", UUID.class),
        Kind.valueOf(rs.getString("current_job_kind")),
        rs.getBoolean("delete_data"),
        infrastructure == null ? null : json.readValue(infrastructure, Infrastructure.class),
        json.readValue(rs.getString("resources"), RESOURCES),
        rs.getString("error_message"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
