package io.aiplatform.api.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code system_events} table: what happened to each system, in order. */
@Repository
class Timeline {

  private final JdbcClient jdbc;

  Timeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void append(UUID systemId, long generation, UUID jobId, TimelineEntry entry) {
    jdbc.sql(
            """
            INSERT INTO system_events
                (system_id, generation, job_id, step, resource_name, action, status, error, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            systemId,
            generation,
            jobId,
            entry.step(),
            entry.resource(),
            entry.action(),
            entry.status(),
            entry.error(),
            Timestamp.from(entry.at() == null ? Instant.now() : entry.at()))
        .update();
  }

  List<TimelineEntry> of(UUID systemId) {
    return jdbc.sql(
            """
            SELECT generation, job_id, step, resource_name, action, status, error, at
            FROM system_events WHERE system_id = ? ORDER BY id
            """)
        .param(systemId)
        .query(
            (rs, n) ->
                new TimelineEntry(
                    rs.getLong("generation"),
                    rs.getObject("job_id", UUID.class),
                    rs.getString("step"),
                    rs.getString("resource_name"),
                    rs.getString("action"),
                    rs.getString("status"),
                    rs.getString("error"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }
}
