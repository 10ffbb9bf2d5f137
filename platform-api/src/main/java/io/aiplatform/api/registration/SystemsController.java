package io.aiplatform.api.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aiplatform.api.audit.AuditedChanges;
import io.aiplatform.api.web.ApiProblem;
import io.aiplatform.api.web.FieldViolation;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The registration API under {@code /admin/systems} (SPEC section 3). */
@RestController
@RequestMapping(path = "/admin/systems", produces = MediaType.APPLICATION_JSON_VALUE)
class SystemsController {

  static final int MAX_LIMIT = 200;
  private static final int MAX_IDEMPOTENCY_KEY = 255;

  private final SystemRegistrations registrations;
  private final Systems systems;
  private final Timeline timeline;
  private final AuditedChanges audited;

  SystemsController(
      SystemRegistrations registrations,
      Systems systems,
      Timeline timeline,
      AuditedChanges audited) {
    this.registrations = registrations;
    this.systems = systems;
    this.timeline = timeline;
    this.audited = audited;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RegistrationResponse> register(
      @RequestBody RegistrationRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @AuthenticationPrincipal Jwt caller) {
    if (idempotencyKey != null
        && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
      throw ApiProblem.validation(
          List.of(new FieldViolation("Idempotency-Key", "must be 1 to 255 characters")));
    }
    var registered =
        audited.commit(
            HttpStatus.CREATED,
            r -> r.response().systemId(),
            () -> registrations.register(request, caller.getSubject(), idempotencyKey));
    UUID id = registered.response().systemId();
    return ResponseEntity.created(URI.create("/admin/systems/" + id))
        .header("Idempotent-Replayed", Boolean.toString(registered.replayed()))
        .body(registered.response());
  }

  @GetMapping
  SystemPage list(
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "limit", defaultValue = "50") int limit,
      @RequestParam(name = "cursor", required = false) String cursor) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiProblem.validation(
          List.of(new FieldViolation("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    Status filter = status == null ? null : parseStatus(status);
    PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
    List<SystemRow> rows = systems.page(filter, after, limit + 1);
    boolean more = rows.size() > limit;
    List<SystemRow> page = more ? rows.subList(0, limit) : rows;
    String next = null;
    if (more) {
      SystemRow last = page.get(page.size() - 1);
      next = new PageCursor(last.createdAt(), last.systemId()).encode();
    }
    return new SystemPage(page.stream().map(SystemView::of).toList(), next);
  }

  @GetMapping("/{system_id}")
  SystemView get(@PathVariable("system_id") UUID systemId) {
    return SystemView.of(registrations.find(systemId));
  }

  @DeleteMapping("/{system_id}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  SystemView delete(
      @PathVariable("system_id") UUID systemId,
      @RequestParam(name = "delete_data", defaultValue = "false") boolean deleteData,
      @AuthenticationPrincipal Jwt caller) {
    return SystemView.of(
        audited.commit(
            HttpStatus.ACCEPTED,
            SystemRow::systemId,
            () -> registrations.deprovision(systemId, deleteData, caller.getSubject())));
  }

  @PostMapping("/{system_id}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  SystemView retry(@PathVariable("system_id") UUID systemId, @AuthenticationPrincipal Jwt caller) {
    return SystemView.of(
        audited.commit(
            HttpStatus.ACCEPTED,
            SystemRow::systemId,
            () -> registrations.retry(systemId, caller.getSubject())));
  }

  @GetMapping("/{system_id}/events")
  Events events(@PathVariable("system_id") UUID systemId) {
    registrations.find(systemId);
    return new Events(systemId, timeline.of(systemId));
  }

  /** The provisioning timeline of one system, oldest first. */
  record Events(
      @JsonProperty("system_id") UUID systemId,
      @JsonProperty("events") List<TimelineEntry> events) {}

  private static Status parseStatus(String status) {
    return Status.fromWire(status)
        .orElseThrow(
            () ->
                ApiProblem.validation(
                    List.of(new FieldViolation("status", "is not a known status"))));
  }
}
