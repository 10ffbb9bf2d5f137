package io.aiplatform.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code scripts/dev-token.sh} as a developer would. */
final class DevTokenScript {

  private static final Path SCRIPT = Path.of("..", "scripts", "dev-token.sh").toAbsolutePath();

  private DevTokenScript() {}

  static String run(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    var command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("dev-token.sh failed: " + out);
    }
    return out;
  }
}
