package io.aiplatform.api.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aiplatform.api.FieldViolation;
import io.aiplatform.api.Storable;
import io.aiplatform.api.web.ApiProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/audit}: who did what, when, with what outcome; newest first, paged. */
@RestController
class AuditController {

  private final AuditLog auditLog;

  AuditController(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @GetMapping(path = "/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  AuditPage audit(
      @RequestParam(name = "system_id", required = false) UUID systemId,
      @RequestParam(name = "subject", required = false) String subject,
      @RequestParam(name = "from", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(name = "to", required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      @RequestParam(name = "limit", defaultValue = "50") int limit,
      @RequestParam(name = "cursor", required = false) Long cursor) {
    List<FieldViolation> violations = new ArrayList<>();
    if (limit < 1 || limit > 200) {
      violations.add(new FieldViolation("limit", "must be between 1 and 200"));
    }
    Storable.instantProblem(from).ifPresent(p -> violations.add(new FieldViolation("from", p)));
    Storable.instantProblem(to).ifPresent(p -> violations.add(new FieldViolation("to", p)));
    if (!violations.isEmpty()) {
      throw ApiProblem.validation(violations);
    }
    List<AuditEntry> rows =
        auditLog.find(new AuditLog.Query(systemId, subject, from, to, cursor, limit + 1));
    boolean more = rows.size() > limit;
    List<AuditEntry> page = more ? rows.subList(0, limit) : rows;
    String next = more ? Long.toString(page.get(page.size() - 1).id()) : null;
    return new AuditPage(page, next);
  }

  /** One page of the audit log. */
  record AuditPage(
      @JsonProperty("items") List<AuditEntry> items,
      @JsonProperty("next_cursor") String nextCursor) {}
}
