package io.aiplatform.api.web;

import io.aiplatform.api.FieldViolation;
import io.aiplatform.api.Storable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Names the field a JSON body could not be read at, in the client's terms. */
final class JsonProblems {

  private JsonProblems() {}

  static boolean bodyTooLarge(HttpMessageNotReadableException ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  /** The bad field, or null when the body is not JSON at all. */
  static FieldViolation violation(HttpMessageNotReadableException ex) {
    return violation(ex.getCause());
  }

  /** The field a JSON reader failed at, or null when the failure names none. */
  static FieldViolation violation(Throwable cause) {
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return at(JsonTypes.path(unknown.getPath()), "is not a known field");
    }
    if (cause instanceof InputCoercionException && cause instanceof StreamReadException read) {
      return at(pathOf(read), "is out of range");
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return at(
          JsonTypes.path(mismatch.getPath()),
          "must be " + JsonTypes.describe(mismatch.getTargetType()));
    }
    if (cause instanceof StreamReadException read
        && read.getOriginalMessage() != null
        && read.getOriginalMessage().startsWith("Duplicate Object property")) {
      return at(pathOf(read), "is given more than once");
    }
    return null;
  }

  /** The field the parser stood at when it failed: {@code lambda_config.memory}. */
  private static String pathOf(StreamReadException ex) {
    JsonParser parser = ex.processor();
    if (parser == null) {
      return "(body)";
    }
    StringBuilder path = new StringBuilder();
    append(parser.streamReadContext(), path);
    return path.isEmpty() ? "(body)" : path.toString();
  }

  private static void append(TokenStreamContext context, StringBuilder path) {
    if (context == null || context.inRoot()) {
      return;
    }
    append(context.getParent(), path);
    if (context.inObject() && context.currentName() != null) {
      path.append(path.isEmpty() ? "" : ".").append(context.currentName());
    } else if (context.inArray()) {
      path.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
    }
  }

  /** Field names come from the client: never echo characters that cannot be written back. */
  private static FieldViolation at(String field, String message) {
    return new FieldViolation(Storable.escape(field), message);
  }
}
