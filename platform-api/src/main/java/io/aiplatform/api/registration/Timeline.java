package io.aiplatform.api.registration;

import io.aiplatform.api.reconcile.DriftView;
import io.aiplatform.api.registration.TimelineEvent.Row;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code system_events} table: what happened to each system, in order. */
@Repository
class Timeline {

  private static final TypeReference<List<DriftView.DriftResource>> DRIFT =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Timeline(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void append(UUID systemId, long generation, UUID jobId, List<TimelineEvent> events) {
    for (TimelineEvent event : events) {
      Row row = event.row();
      jdbc.sql(
              """
              INSERT INTO system_events (system_id, generation, job_id, step, resource_name,
                  action, status, error, changes, at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
              """)
          .params(
              systemId,
              generation,
              jobId,
              row.step(),
              row.resource(),
              row.action(),
              row.status(),
              row.error(),
              row.changes() == null ? null : json.writeValueAsString(row.changes()),
              Timestamp.from(row.at()))
          .update();
    }
  }

  List<TimelineEntry> of(UUID systemId) {
    return jdbc.sql(
            """
            SELECT generation, job_id, step, resource_name, action, status, error, changes, drift,
                at
            FROM system_events WHERE system_id = ? ORDER BY id
            """)
        .param(systemId)
        .query(
            (rs, n) -> {
              String changes = rs.getString("changes");
              String drift = rs.getString("drift");
              return new TimelineEntry(
                  rs.getLong("generation"),
                  rs.getObject("job_id", UUID.class),
                  rs.getString("step"),
                  rs.getString("resource_name"),
                  rs.getString("action"),
                  rs.getString("status"),
                  rs.getString("error"),
                  changes == null ? null : changes(json.readTree(changes)),
                  drift == null ? null : json.readValue(drift, DRIFT),
                  rs.getTimestamp("at").toInstant());
            })
        .list();
  }

  private static List<TimelineEntry.Change> changes(JsonNode changes) {
    return changes
        .valueStream()
        .map(
            c ->
                new TimelineEntry.Change(
                    c.get("field").asString(), c.get("before"), c.get("after")))
        .toList();
  }
}
