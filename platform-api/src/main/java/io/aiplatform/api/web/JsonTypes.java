package io.aiplatform.api.web;

import java.util.Collection;
import java.util.List;
import tools.jackson.core.JacksonException;

/** Describes JSON locations and types in the client's terms rather than Java's. */
final class JsonTypes {

  private JsonTypes() {}

  /** {@code lambda_config.memory}, {@code endpoints[1].method}. */
  static String path(List<JacksonException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(body)" : path.toString();
  }

  /** "a number", "a string", ... for the Java type a JSON value was read into. */
  static String describe(Class<?> type) {
    if (type == null) {
      return "of a different type";
    }
    if (Number.class.isAssignableFrom(type)
        || type == int.class
        || type == long.class
        || type == double.class) {
      return "a number";
    }
    if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
