package io.aiplatform.api.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aiplatform.api.audit.AuditedChanges;
import io.aiplatform.api.prechecks.Assessment;
import io.aiplatform.api.registration.Refusals.InvalidRequest;
import io.aiplatform.api.registration.Refusals.VersionRequired;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The registration API under {@code /admin/systems} (SPEC section 3). */
@RestController
@RequestMapping(path = "/admin/systems", produces = MediaType.APPLICATION_JSON_VALUE)
class SystemsController {

  static final int MAX_LIMIT = 200;
  static final String MERGE_PATCH = "application/merge-patch+json";
  private static final int MAX_IDEMPOTENCY_KEY = 255;

  private final SystemRegistrations registrations;
  private final SystemChanges changes;
  private final Systems systems;
  private final Timeline timeline;
  private final AuditedChanges audited;
  private final Rehearsals rehearsals;

  SystemsController(
      SystemRegistrations registrations,
      SystemChanges changes,
      Systems systems,
      Timeline timeline,
      AuditedChanges audited,
      Rehearsals rehearsals) {
    this.registrations = registrations;
    this.changes = changes;
    this.systems = systems;
    this.timeline = timeline;
    this.audited = audited;
    this.rehearsals = rehearsals;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RegistrationResponse> register(
      @RequestBody RegistrationRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestParam(name = "dry_run", required = false) Boolean dryRun,
      @AuthenticationPrincipal Jwt caller) {
    if (idempotencyKey != null
        && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
      throw new InvalidRequest("Idempotency-Key", "must be 1 to 255 characters");
    }
    rehearsals.precheck(request, caller.getSubject(), idempotencyKey);
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

  /**
   * {@code ?dry_run=true}: the plan and pre-checks of the registration, nothing stored or queued;
   * the request is audited like any other. An Idempotency-Key is neither looked up nor kept.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, params = "dry_run=true")
  Assessment dryRun(@RequestBody RegistrationRequest request, @AuthenticationPrincipal Jwt caller) {
    return rehearsals.dryRun(request, caller.getSubject());
  }

  @GetMapping
  SystemPage list(
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "limit", defaultValue = "50") int limit,
      @RequestParam(name = "cursor", required = false) String cursor) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequest("limit", "must be between 1 and " + MAX_LIMIT);
    }
    Status filter = status == null ? null : parseStatus(status);
    PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
    List<SystemRow> rows = systems.page(filter, after, limit + 1);
    boolean more = rows.size() > limit;
    List<SystemRow> page = more ? rows.subList(0, limit) : rows;
    String next = null;
    if (more) {
      SystemRow last = page.get(page.size() - 1);
      next = new PageCursor(last.stamp().createdAt(), last.systemId()).encode();
    }
    return new SystemPage(page.stream().map(SystemView::of).toList(), next);
  }

  @GetMapping("/{system_id}")
  ResponseEntity<SystemView> get(@PathVariable("system_id") UUID systemId) {
    return record(HttpStatus.OK, registrations.find(systemId));
  }

  /** A day-2 change: a JSON merge patch of the record, made from the version If-Match names. */
  @PatchMapping(path = "/{system_id}", consumes = MERGE_PATCH)
  ResponseEntity<SystemView> change(
      @PathVariable("system_id") UUID systemId,
      @RequestBody JsonNode patch,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @AuthenticationPrincipal Jwt caller) {
    if (ifMatch == null) {
      throw new VersionRequired();
    }
    return accepted(() -> changes.change(systemId, patch, ifMatch, caller.getSubject()));
  }

  @DeleteMapping("/{system_id}")
  ResponseEntity<SystemView> delete(
      @PathVariable("system_id") UUID systemId,
      @RequestParam(name = "delete_data", defaultValue = "false") boolean deleteData,
      @AuthenticationPrincipal Jwt caller) {
    return accepted(() -> registrations.deprovision(systemId, deleteData, caller.getSubject()));
  }

  @PostMapping("/{system_id}/retry")
  ResponseEntity<SystemView> retry(
      @PathVariable("system_id") UUID systemId, @AuthenticationPrincipal Jwt caller) {
    return accepted(() -> registrations.retry(systemId, caller.getSubject()));
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

  private ResponseEntity<SystemView> accepted(Supplier<SystemRow> change) {
    return record(
        HttpStatus.ACCEPTED, audited.commit(HttpStatus.ACCEPTED, SystemRow::systemId, change));
  }

  /** The record with its entity tag, which a change names in If-Match. */
  private static ResponseEntity<SystemView> record(HttpStatus status, SystemRow row) {
    return ResponseEntity.status(status).eTag(row.etag()).body(SystemView.of(row));
  }

  private static Status parseStatus(String status) {
    return Status.fromWire(status)
        .orElseThrow(() -> new InvalidRequest("status", "is not a known status"));
  }
}
