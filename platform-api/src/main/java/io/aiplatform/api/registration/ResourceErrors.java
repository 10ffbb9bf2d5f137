package io.aiplatform.api.registration;

import io.aiplatform.contracts.ResourceResult;

/** Renders the AWS error of a resource step for people. */
final class ResourceErrors {

  private ResourceErrors() {}

  static String describe(ResourceResult.AwsError error) {
    if (error == null) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    if (error.code() != null) {
      text.append(error.code());
    }
    if (error.message() != null) {
      text.append(text.isEmpty() ? "" : ": ").append(error.message());
    }
    if (error.requestId() != null) {
      text.append(" (request id ").append(error.requestId()).append(')');
    }
    return text.toString();
  }
}
