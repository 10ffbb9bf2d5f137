package io.aiplatform.worker.provisioning;

/**
 * A resource exists but is still settling (a DMS task still being created), so the step cannot
 * finish yet; a later attempt of the job will. Transient by definition.
 */
final class ResourceSettlingException extends RuntimeException {

  ResourceSettlingException(String message, Throwable cause) {
    super(message, cause);
  }
}
