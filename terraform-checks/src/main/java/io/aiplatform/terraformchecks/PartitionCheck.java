package io.aiplatform.terraformchecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * No ARN in a module is written for the commercial partition only ({@code "arn:aws:...}): ARNs are
 * built with {@code data.aws_partition}, so the modules also work in aws-cn and aws-us-gov. Read
 * from the raw text, because a plan in the commercial partition cannot tell the two apart.
 */
final class PartitionCheck implements Check {

  private static final Pattern LITERAL = Pattern.compile("\"arn:aws:");

  @Override
  public List<String> violations(TerraformModule module) {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.list(module.dir())) {
      for (Path file : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher literal = LITERAL.matcher(lines.get(i));
          if (literal.find() && !lines.get(i).trim().startsWith("#")) {
            violations.add(file + ":" + (i + 1) + ": ARN hard-codes the aws partition");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return violations;
  }
}
