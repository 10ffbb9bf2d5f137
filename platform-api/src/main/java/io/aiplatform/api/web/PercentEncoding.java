package io.aiplatform.api.web;

import io.aiplatform.api.FieldViolation;
import io.aiplatform.api.Storable;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Strict reading of the raw request target, before Tomcat or Spring decode it leniently (or fail
 * with an exception that would become a 500): every {@code %} must start a two-digit hex escape,
 * the bytes must be valid UTF-8, and the text must be storable ({@link Storable}).
 */
final class PercentEncoding {

  /** What a query string holds: a reason it cannot be read at all, or bad parameters. */
  record Query(String malformed, List<FieldViolation> violations) {}

  private PercentEncoding() {}

  /** The decoded text, or null when the escapes or the UTF-8 they spell are invalid. */
  static String decode(String raw, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c <= 0x20 || c >= 0x7F) {
        return null; // raw spaces, controls and non-ASCII never belong in a request target
      } else {
        bytes.write(plusIsSpace && c == '+' ? ' ' : c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Whether a raw path decodes to storable text. */
  static boolean isReadablePath(String rawPath) {
    String path = decode(rawPath, false);
    return path != null && Storable.isText(path);
  }

  /** Reads a raw query string ({@code null} when there is none) parameter by parameter. */
  static Query query(String raw) {
    List<FieldViolation> violations = new ArrayList<>();
    if (raw == null) {
      return new Query(null, violations);
    }
    Set<String> names = new HashSet<>();
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
      if (name == null || name.isEmpty() || !Storable.isText(name)) {
        return new Query(
            "The query string cannot be read: every parameter needs a name of valid"
                + " percent-encoded UTF-8.",
            violations);
      }
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
      if (!names.add(name)) {
        // Spring would silently use the first; like a JSON property, a parameter is given once.
        violations.add(new FieldViolation(name, "must be given at most once"));
      } else if (value == null) {
        violations.add(new FieldViolation(name, "is not valid percent-encoded UTF-8"));
      } else {
        Storable.textProblem(value).ifPresent(p -> violations.add(new FieldViolation(name, p)));
      }
    }
    return new Query(null, violations);
  }
}
