package io.aiplatform.api.registration;

import io.aiplatform.api.registration.Refusals.ConcurrentChange;
import io.aiplatform.api.registration.Refusals.StaleVersion;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Day-2 changes ({@code PATCH}): a JSON merge patch (RFC 7396) of the configuration the record
 * shows, made from the version the caller names, checked as a registration is, then started as an
 * {@code UPDATE} job, in one transaction.
 */
@Service
class SystemChanges {

  private final RegistrationRules rules;
  private final Lifecycle lifecycle;
  private final SystemStore store;
  private final JsonMapper json;

  SystemChanges(RegistrationRules rules, Lifecycle lifecycle, SystemStore store, JsonMapper json) {
    this.rules = rules;
    this.lifecycle = lifecycle;
    this.store = store;
    this.json = json;
  }

  /**
   * Applies the patch to the system at the version {@code ifMatch} names.
   *
   * @param ifMatch the {@code If-Match} header: entity tags, or {@code *}
   */
  @Transactional
  SystemRow change(UUID systemId, JsonNode patch, String ifMatch, String subject) {
    SystemRow row = store.find(systemId);
    if (!matches(ifMatch, row.etag())) {
      throw new StaleVersion(row.etag());
    }
    RegistrationRequest merged =
        MergePatch.apply(row.spec(), row.oversight().policy(), patch, json);
    rules.validate(merged);
    try {
      return store.save(lifecycle.change(row, merged.toSpec(), merged.policy(), subject));
    } catch (ConcurrentChange e) {
      throw new StaleVersion(null);
    }
  }

  /** RFC 9110's If-Match: {@code *}, or one of the listed tags by strong comparison. */
  static boolean matches(String ifMatch, String etag) {
    String trimmed = ifMatch.trim();
    return trimmed.equals("*")
        || Arrays.stream(trimmed.split(",")).map(String::trim).anyMatch(etag::equals);
  }
}
