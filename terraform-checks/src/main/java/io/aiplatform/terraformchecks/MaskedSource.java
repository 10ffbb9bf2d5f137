package io.aiplatform.terraformchecks;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A Terraform file with comments and literal string text blanked out, offsets preserved.
 *
 * <p>Hand-written because hcl4j evaluates expressions while parsing (a {@code var.x} becomes the
 * variable's default or null), so the references an expression makes cannot be recovered from its
 * output. Interpolations ({@code ${...}}) stay visible, as does every character outside strings;
 * everything else becomes a space, so braces and references can be found with plain scanning.
 */
final class MaskedSource {

  private final String original;
  private final StringBuilder masked;
  private final Deque<Character> modes = new ArrayDeque<>();
  private int pos;
  private String heredocMarker;

  private MaskedSource(String original) {
    this.original = original;
    this.masked = new StringBuilder(original);
  }

  /** Blanks comments and literal string content of {@code source}. */
  static String mask(String source) {
    MaskedSource scan = new MaskedSource(source);
    scan.run();
    return scan.masked.toString();
  }

  private void run() {
    modes.push('c');
    while (pos < original.length()) {
      char mode = modes.peek();
      if (mode == 's') {
        stringChar();
      } else if (mode == 'h') {
        heredocChar();
      } else {
        codeChar(mode);
      }
    }
  }

  private void codeChar(char mode) {
    char c = original.charAt(pos);
    if (c == '#' || startsWith("//")) {
      blankUntil(lineEnd());
    } else if (startsWith("/*")) {
      int end = original.indexOf("*/", pos + 2);
      blankUntil(end < 0 ? original.length() : end + 2);
    } else if (c == '"') {
      modes.push('s');
      pos++;
    } else if (startsWith("<<") && heredocStart()) {
      return;
    } else if (c == '{' && mode != 'c') {
      modes.push('b');
      pos++;
    } else if (c == '}' && mode != 'c') {
      modes.pop();
      pos++;
    } else {
      pos++;
    }
  }

  private void stringChar() {
    char c = original.charAt(pos);
    if (c == '\\') {
      blankUntil(Math.min(pos + 2, original.length()));
    } else if (c == '"') {
      modes.pop();
      pos++;
    } else if (startsWith("${")) {
      modes.push('i');
      pos += 2;
    } else {
      blankUntil(pos + 1);
    }
  }

  private void heredocChar() {
    int lineStart = pos;
    int end = lineEnd();
    if (original.substring(lineStart, end).strip().equals(heredocMarker)) {
      modes.pop();
      pos = end;
    } else if (startsWith("${")) {
      modes.push('i');
      pos += 2;
    } else {
      blankUntil(pos + 1);
    }
  }

  private boolean heredocStart() {
    int end = lineEnd();
    String header = original.substring(pos + 2, end).strip();
    String marker = header.startsWith("-") ? header.substring(1) : header;
    if (!marker.matches("[A-Za-z_]\\w*")) {
      return false;
    }
    heredocMarker = marker;
    modes.push('h');
    pos = Math.min(end + 1, original.length());
    return true;
  }

  private boolean startsWith(String prefix) {
    return original.startsWith(prefix, pos);
  }

  private int lineEnd() {
    int end = original.indexOf('\n', pos);
    return end < 0 ? original.length() : end;
  }

  private void blankUntil(int end) {
    for (; pos < end; pos++) {
      if (original.charAt(pos) != '\n') {
        masked.setCharAt(pos, ' ');
      }
    }
  }
}
