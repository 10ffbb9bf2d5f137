package io.aiplatform.api;

import java.time.Instant;
import java.util.Optional;

/**
 * What every value must be before it reaches PostgreSQL, SQS or an AWS resource: checked at
 * validation, so that such a value is refused with 400 instead of failing where it lands.
 *
 * <p>Text must be valid Unicode made of the characters SQS accepts in a message ({@code #x9 #xA #xD
 * #x20-#xD7FF #xE000-#xFFFD #x10000-#x10FFFF}): that excludes NUL, which PostgreSQL cannot store,
 * lone surrogates, which are not Unicode at all, and other control characters. Names that become S3
 * tags ({@code system_name}) have narrower rules of their own.
 *
 * <p>Times must lie within years 1 to 9999, well inside PostgreSQL's {@code timestamptz} range.
 */
public final class Storable {

  /** The earliest time accepted. */
  public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest time accepted. */
  public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Storable() {}

  /** Why the text cannot be stored, or empty when it can (null is storable). */
  public static Optional<String> textProblem(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (isSurrogate(c)) {
        return Optional.of("is not valid Unicode (an unpaired surrogate at position " + i + ")");
      }
      if (!allowed(c)) {
        return Optional.of("must not contain the character U+%04X (position %d)".formatted(c, i));
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  /** Whether the text can be stored as it is. */
  public static boolean isText(String text) {
    return textProblem(text).isEmpty();
  }

  /**
   * The text with every character that cannot be stored written as {@code \}{@code uXXXX}: for
   * records of what a caller sent (the audit log), which must never fail on what they hold.
   */
  public static String escape(String text) {
    if (text == null || isText(text)) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (isSurrogate(c) || !allowed(c)) {
        escaped.append("\\u%04X".formatted(c));
      } else {
        escaped.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return escaped.toString();
  }

  /** Why the time cannot be stored, or empty when it can (null is storable). */
  public static Optional<String> instantProblem(Instant instant) {
    if (instant == null || (!instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT))) {
      return Optional.empty();
    }
    return Optional.of("must be between " + MIN_INSTANT + " and 9999-12-31T23:59:59Z");
  }

  private static boolean isSurrogate(int c) {
    return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
  }

  private static boolean allowed(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
