package io.aiplatform.terraformchecks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds uses of a dynamic block's iterator ({@code ingress.value}) outside that dynamic block. */
final class DynamicIterators {

  private static final Pattern DYNAMIC = Pattern.compile("dynamic\\s+\"(\\w+)\"\\s*\\{");
  private static final Pattern ITERATOR = Pattern.compile("(?m)^\\s*iterator\\s*=\\s*(\\w+)");

  private record Span(String iterator, int start, int end) {}

  private DynamicIterators() {}

  static List<String> misplaced(SourceBlock block) {
    List<Span> spans = spans(block);
    List<String> problems = new ArrayList<>();
    for (String iterator : spans.stream().map(Span::iterator).distinct().toList()) {
      Matcher use =
          Pattern.compile("(?<![\\w.])" + iterator + "\\.(key|value)\\b").matcher(block.body());
      while (use.find()) {
        int at = use.start();
        boolean inside =
            spans.stream()
                .anyMatch(s -> s.iterator().equals(iterator) && s.start() < at && at < s.end());
        if (!inside) {
          problems.add(iterator + "." + use.group(1) + " outside its dynamic block");
        }
      }
    }
    return problems;
  }

  private static List<Span> spans(SourceBlock block) {
    List<Span> spans = new ArrayList<>();
    Matcher m = DYNAMIC.matcher(block.text());
    while (m.find()) {
      if (!block.body().startsWith("dynamic", m.start())) {
        continue; // inside a comment or string
      }
      int open = m.end() - 1;
      int close = SourceBlock.matchingBrace(block.body(), open);
      Matcher iterator = ITERATOR.matcher(block.body().substring(open, close));
      String name = iterator.find() ? iterator.group(1) : m.group(1);
      spans.add(new Span(name, open, close));
    }
    return spans;
  }
}
