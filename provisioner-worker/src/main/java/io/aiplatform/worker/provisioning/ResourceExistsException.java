package io.aiplatform.worker.provisioning;

/**
 * A create found the name already taken in this account: by an earlier attempt whose answer was
 * lost, by a concurrent delivery, or by someone else. The run then looks at the resource's tags.
 */
public final class ResourceExistsException extends RuntimeException {

  public ResourceExistsException(String kind, String name, Throwable cause) {
    super(kind + " " + name + " already exists", cause);
  }
}
