package io.aiplatform.api.registration;

import io.aiplatform.api.Storable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last system of a page. Keyset paging on (created_at, system_id) stays
 * correct while new systems arrive: they sort before every cursor already handed out.
 */
record PageCursor(Instant createdAt, UUID systemId) {

  String encode() {
    String raw = createdAt + "|" + systemId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back; a 400 naming {@code cursor} when it is not one of ours. */
  static PageCursor decode(String cursor) {
    PageCursor decoded;
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      decoded =
          new PageCursor(
              Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
    } catch (RuntimeException e) {
      decoded = null;
    }
    // A time outside the stored range cannot be one of ours (and PostgreSQL would refuse it).
    if (decoded == null || Storable.instantProblem(decoded.createdAt()).isPresent()) {
      throw new Refusals.InvalidRequest("cursor", "is not a valid cursor");
    }
    return decoded;
  }
}
