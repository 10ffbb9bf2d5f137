package io.aiplatform.worker.provisioning;

/** A resource exists under one of the system's names but is not this system's. */
public final class ForeignResourceException extends RuntimeException {

  /**
   * @param kind the kind of resource
   * @param name its name
   * @param owner who it belongs to instead, in words
   */
  public ForeignResourceException(String kind, String name, String owner) {
    super(
        "%s %s exists but belongs to %s, not this system; it was left untouched"
            .formatted(kind, name, owner));
  }

  /** For a resource whose system-id tag (possibly absent) names another system. */
  static ForeignResourceException taggedFor(String kind, String name, String systemIdTag) {
    return new ForeignResourceException(
        kind, name, systemIdTag == null ? "no platform system" : "system " + systemIdTag);
  }
}
