package io.aiplatform.terraformchecks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One top-level block of a Terraform file ({@code resource "aws_s3_bucket" "data" { ... }}) as
 * source text: its kind, labels and body with comments and string literals blanked out.
 *
 * @param file the file the block is in
 * @param line the 1-based line of its header
 * @param kind {@code resource}, {@code data}, {@code module}, {@code variable}, ...
 * @param labels the quoted labels after the kind
 * @param body the masked text between the outer braces
 * @param text the original text between the outer braces (same offsets as {@code body})
 */
record SourceBlock(
    Path file, int line, String kind, List<String> labels, String body, String text) {

  private static final Pattern HEADER = Pattern.compile("(\\w+)\\s*((?:\"[^\"]*\"\\s*)*)\\{");
  private static final Pattern LABEL = Pattern.compile("\"([^\"]*)\"");

  /** The blocks of one file, in order. */
  static List<SourceBlock> parse(Path file, String source) {
    String masked = MaskedSource.mask(source);
    List<SourceBlock> blocks = new ArrayList<>();
    int pos = 0;
    while (pos < masked.length()) {
      if (Character.isWhitespace(masked.charAt(pos))) {
        pos++;
        continue;
      }
      Matcher header = HEADER.matcher(source).region(pos, source.length());
      if (!header.lookingAt()) {
        throw new IllegalStateException(file + ": cannot read a block header at offset " + pos);
      }
      int open = header.end() - 1;
      int close = matchingBrace(masked, open);
      blocks.add(
          new SourceBlock(
              file,
              lineOf(source, pos),
              header.group(1),
              labels(header.group(2)),
              masked.substring(open + 1, close),
              source.substring(open + 1, close)));
      pos = close + 1;
    }
    return blocks;
  }

  /** Offset of the brace closing the one at {@code open}, in masked text. */
  static int matchingBrace(String masked, int open) {
    int depth = 0;
    for (int i = open; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("unbalanced braces after offset " + open);
  }

  /** The names of the attributes the block sets directly, in order. */
  List<String> ownAttributes() {
    Pattern attribute = Pattern.compile("^\\s*([A-Za-z_][\\w-]*)\\s*=(?!=)");
    List<String> names = new ArrayList<>();
    int depth = 0;
    for (String line : body.split("\n", -1)) {
      Matcher m = attribute.matcher(line);
      if (depth == 0 && m.find()) {
        names.add(m.group(1));
      }
      depth += count(line, '{') + count(line, '[') + count(line, '(');
      depth -= count(line, '}') + count(line, ']') + count(line, ')');
    }
    return names;
  }

  /** Whether the block sets {@code name} directly (not inside a nested block or expression). */
  boolean hasOwnAttribute(String name) {
    return ownAttributes().contains(name);
  }

  /** Where this block is, for messages. */
  String location() {
    return file + ":" + line + " " + kind + " " + String.join(".", labels);
  }

  private static int count(String line, char c) {
    return (int) line.chars().filter(ch -> ch == c).count();
  }

  private static List<String> labels(String raw) {
    List<String> labels = new ArrayList<>();
    Matcher label = LABEL.matcher(raw);
    while (label.find()) {
      labels.add(label.group(1));
    }
    return labels;
  }

  private static int lineOf(String source, int offset) {
    return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }
}
