package io.aiplatform.api.registration;

import io.aiplatform.api.web.ApiProblem;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningJob.Kind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers, deprovisions and retries systems. Each state change and its provisioning job are
 * written in one transaction; the job reaches SQS through the outbox ({@link JobRequested}).
 */
@Service
class SystemRegistrations {

  /** What a registration answered, and whether it is a replay of an earlier answer. */
  record Registered(RegistrationResponse response, boolean replayed) {}

  private final RegistrationRules rules;
  private final Systems systems;
  private final Timeline timeline;
  private final IdempotencyKeys idempotencyKeys;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;

  SystemRegistrations(
      RegistrationRules rules,
      Systems systems,
      Timeline timeline,
      IdempotencyKeys idempotencyKeys,
      ApplicationEventPublisher events,
      JsonMapper json) {
    this.rules = rules;
    this.systems = systems;
    this.timeline = timeline;
    this.idempotencyKeys = idempotencyKeys;
    this.events = events;
    this.json = json;
  }

  @Transactional
  Registered register(RegistrationRequest request, String subject, String idempotencyKey) {
    var violations = rules.check(request);
    if (!violations.isEmpty()) {
      throw ApiProblem.validation(violations);
    }
    String requestHash = fingerprint(request);
    if (idempotencyKey != null) {
      var stored = idempotencyKeys.find(subject, idempotencyKey);
      if (stored.isPresent()) {
        return replay(stored.get(), requestHash);
      }
    }
    Instant now = now();
    UUID systemId = UUID.randomUUID();
    UUID jobId = UUID.randomUUID();
    var row =
        new SystemRow(
            systemId,
            request.toSpec(),
            Status.PENDING_PROVISIONING,
            1,
            0,
            jobId,
            Kind.PROVISION,
            false,
            null,
            List.of(),
            null,
            subject,
            now,
            now);
    var response = RegistrationResponse.registered(systemId, request.systemName());
    if (idempotencyKey != null) {
      claim(subject, idempotencyKey, requestHash, response);
    }
    try {
      systems.insert(row);
    } catch (DuplicateKeyException e) {
      throw ApiProblem.duplicateName(
          "A system named " + request.systemName() + " is already registered.");
    }
    timeline.append(systemId, 1, jobId, TimelineEntry.of("registration", "accepted", null, now));
    requestJob(row, subject, now);
    return new Registered(response, false);
  }

  @Transactional
  SystemRow deprovision(UUID systemId, boolean deleteData, String subject) {
    SystemRow row = find(systemId);
    if (!row.status().canDeprovision()) {
      throw ApiProblem.invalidState(
          "The system is " + row.status().wire() + "; it cannot be deprovisioned now.");
    }
    return startJob(row, Kind.DEPROVISION, deleteData, subject);
  }

  @Transactional
  SystemRow retry(UUID systemId, String subject) {
    SystemRow row = find(systemId);
    if (!row.status().isFailed()) {
      throw ApiProblem.invalidState(
          "The system is " + row.status().wire() + "; only a failed system can be retried.");
    }
    return startJob(row, row.status().retriedKind(), row.deleteData(), subject);
  }

  SystemRow find(UUID systemId) {
    return systems
        .find(systemId)
        .orElseThrow(() -> ApiProblem.notFound("No system with id " + systemId + "."));
  }

  private SystemRow startJob(SystemRow row, Kind kind, boolean deleteData, String subject) {
    Instant now = now();
    SystemRow next = row.startJob(kind, UUID.randomUUID(), deleteData, now);
    if (!systems.update(next)) {
      throw ApiProblem.invalidState("The system changed meanwhile; read it again and retry.");
    }
    String step = kind.name().toLowerCase();
    timeline.append(
        next.systemId(),
        next.generation(),
        next.currentJobId(),
        TimelineEntry.of(step, "requested", null, now));
    requestJob(next, subject, now);
    return next;
  }

  private void requestJob(SystemRow row, String subject, Instant now) {
    events.publishEvent(
        new JobRequested(
            new ProvisioningJob(
                ProvisioningJob.SCHEMA_VERSION,
                row.currentJobId(),
                row.systemId(),
                row.currentJobKind(),
                row.generation(),
                row.spec(),
                row.deleteData(),
                subject,
                now)));
  }

  /** A concurrent request with the same key waits on the key's row, then lands here. */
  private void claim(
      String subject, String key, String requestHash, RegistrationResponse response) {
    try {
      idempotencyKeys.insert(subject, key, requestHash, response);
    } catch (DuplicateKeyException e) {
      throw ApiProblem.invalidState(
          "A request with this Idempotency-Key was being processed; send it again.");
    }
  }

  private static Registered replay(IdempotencyKeys.Stored stored, String requestHash) {
    if (!stored.requestHash().equals(requestHash)) {
      throw ApiProblem.idempotencyKeyReused(
          "This Idempotency-Key was used for a different request.");
    }
    return new Registered(stored.response(), true);
  }

  private String fingerprint(RegistrationRequest request) {
    try {
      byte[] body = json.writeValueAsBytes(request);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PostgreSQL keeps microseconds; cursors must round-trip exactly. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
