package io.aiplatform.worker.provisioning;

/**
 * A resource exists but is still settling (a DMS task being created, a crawler still running), so
 * the step cannot finish yet; a later attempt of the job will. Transient by definition.
 */
public final class ResourceSettlingException extends RuntimeException {

  public ResourceSettlingException(String message, Throwable cause) {
    super(message, cause);
  }
}
