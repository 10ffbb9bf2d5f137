package io.aiplatform.worker.provisioning;

/** A resource exists under one of the system's names but is not tagged as this system's. */
final class ForeignResourceException extends RuntimeException {

  ForeignResourceException(String kind, String name, Object ownerTag) {
    super(
        "%s %s exists but belongs to %s, not this system; it was left untouched"
            .formatted(kind, name, ownerTag == null ? "no platform system" : "system " + ownerTag));
  }
}
