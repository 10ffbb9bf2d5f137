package io.aiplatform.api.registration;

import io.aiplatform.api.registration.Refusals.IdempotencyKeyReused;
import io.aiplatform.api.registration.Refusals.InvalidState;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers, deprovisions and retries systems: checks the request, asks the {@link Lifecycle} for
 * the transition and saves it ({@link SystemStore}), all in one transaction, so that the state
 * change, its timeline and its job commit together or not at all.
 */
@Service
class SystemRegistrations {

  /** What a registration answered, and whether it is a replay of an earlier answer. */
  record Registered(RegistrationResponse response, boolean replayed) {}

  private final RegistrationRules rules;
  private final Lifecycle lifecycle;
  private final SystemStore store;
  private final IdempotencyKeys idempotencyKeys;
  private final JsonMapper json;

  SystemRegistrations(
      RegistrationRules rules,
      Lifecycle lifecycle,
      SystemStore store,
      IdempotencyKeys idempotencyKeys,
      JsonMapper json) {
    this.rules = rules;
    this.lifecycle = lifecycle;
    this.store = store;
    this.idempotencyKeys = idempotencyKeys;
    this.json = json;
  }

  @Transactional
  Registered register(RegistrationRequest request, String subject, String idempotencyKey) {
    rules.validate(request);
    String requestHash = fingerprint(request);
    if (idempotencyKey != null) {
      var stored = idempotencyKeys.find(subject, idempotencyKey);
      if (stored.isPresent()) {
        return replay(stored.get(), requestHash);
      }
    }
    Transition registered = lifecycle.register(request.toSpec(), request.policy(), subject);
    var response =
        RegistrationResponse.registered(registered.after().systemId(), request.systemName());
    if (idempotencyKey != null) {
      claim(subject, idempotencyKey, requestHash, response);
    }
    store.save(registered);
    return new Registered(response, false);
  }

  @Transactional
  SystemRow deprovision(UUID systemId, boolean deleteData, String subject) {
    return store.save(lifecycle.deprovision(store.find(systemId), deleteData, subject));
  }

  @Transactional
  SystemRow retry(UUID systemId, String subject) {
    return store.save(lifecycle.retry(store.find(systemId), subject));
  }

  SystemRow find(UUID systemId) {
    return store.find(systemId);
  }

  /** A concurrent request with the same key waits on the key's row, then lands here. */
  private void claim(
      String subject, String key, String requestHash, RegistrationResponse response) {
    try {
      idempotencyKeys.insert(subject, key, requestHash, response);
    } catch (DuplicateKeyException e) {
      throw new InvalidState(
          "A request with this Idempotency-Key was being processed; send it again.");
    }
  }

  private static Registered replay(IdempotencyKeys.Stored stored, String requestHash) {
    if (!stored.requestHash().equals(requestHash)) {
      throw new IdempotencyKeyReused();
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
}
