package io.aiplatform.api.web;

import java.io.IOException;

/** A request body grew past the configured limit while it was being read. */
final class BodyTooLargeException extends IOException {

  static final String DETAIL = "The request body is larger than the API accepts.";

  BodyTooLargeException() {
    super(DETAIL, null);
  }
}
