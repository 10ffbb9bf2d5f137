package io.aiplatform.api.reconcile;

import io.aiplatform.contracts.DriftReport;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies what a verify found: the record's {@code drift} and the timeline's {@code drift_detected}
 * and {@code drift_repaired} entries, in one transaction. Never the life-cycle state. A result is
 * applied only to an {@code active} system of the same generation and only when it is newer than
 * the check the record shows, all in one guarded {@code UPDATE}: a stale result (older generation,
 * a system no longer active) and a duplicate change nothing and add no entry.
 */
@Service
public class DriftResults {

  private static final Logger log = LoggerFactory.getLogger(DriftResults.class);

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  DriftResults(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** Applies a verify's result; returns whether it changed the record. */
  @Transactional
  public boolean apply(ProvisioningResult result) {
    DriftReport report = result.drift();
    Instant checkedAt = checkedAt(result);
    String status =
        report == null || report.status() == null
            ? "unknown"
            : report.status().name().toLowerCase(Locale.ROOT);
    List<DriftView.DriftResource> found =
        report == null
            ? List.of()
            : report.resources().stream().map(DriftView.DriftResource::of).toList();
    boolean applied =
        jdbc.sql(
                    """
                    UPDATE systems SET drift_status = ?, drift_checked_at = ?,
                        drift_resources = ?::jsonb,
                        verify_requested_at = CASE WHEN verify_job_id = ? THEN NULL
                            ELSE verify_requested_at END,
                        verify_job_id = CASE WHEN verify_job_id = ? THEN NULL ELSE verify_job_id END
                    WHERE system_id = ? AND generation = ? AND status = 'active'
                        AND (drift_checked_at IS NULL OR drift_checked_at < ?)
                    """)
                .params(
                    status,
                    Timestamp.from(checkedAt),
                    json.writeValueAsString(found),
                    result.jobId(),
                    result.jobId(),
                    result.systemId(),
                    result.generation(),
                    Timestamp.from(checkedAt))
                .update()
            == 1;
    if (!applied) {
      log.info(
          "Ignoring verify {} of system {}: stale, duplicate or the system is not active",
          result.jobId(),
          result.systemId());
      return false;
    }
    List<DriftView.DriftResource> drifted = found.stream().filter(r -> !r.inSync()).toList();
    List<DriftView.DriftResource> repaired =
        found.stream().filter(DriftView.DriftResource::repaired).toList();
    String error =
        result.outcome() == ProvisioningResult.Outcome.FAILED ? result.errorSummary() : null;
    if (!drifted.isEmpty()) {
      entry(result, "drift_detected", "drifted", error, drifted, checkedAt);
    }
    if (!repaired.isEmpty()) {
      entry(result, "drift_repaired", "repaired", null, repaired, checkedAt);
    }
    return true;
  }

  /**
   * A verify that exhausted its retries in the worker: it is no longer outstanding, so the sweep
   * sends the next one at the system's next turn. The drift shown stays as it was.
   */
  @Transactional
  public boolean deadLettered(ProvisioningJob job) {
    return jdbc.sql(
                """
                UPDATE systems SET verify_job_id = NULL, verify_requested_at = NULL
                WHERE system_id = ? AND verify_job_id = ?
                """)
            .params(job.systemId(), job.jobId())
            .update()
        == 1;
  }

  private void entry(
      ProvisioningResult result,
      String step,
      String status,
      String error,
      List<DriftView.DriftResource> resources,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO system_events (system_id, generation, job_id, step, status, error, drift, at)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            """)
        .params(
            result.systemId(),
            result.generation(),
            result.jobId(),
            step,
            status,
            error,
            json.writeValueAsString(resources),
            Timestamp.from(at))
        .update();
  }

  private Instant checkedAt(ProvisioningResult result) {
    if (result.drift() != null && result.drift().checkedAt() != null) {
      return result.drift().checkedAt();
    }
    return result.finishedAt() != null ? result.finishedAt() : clock.instant();
  }
}
