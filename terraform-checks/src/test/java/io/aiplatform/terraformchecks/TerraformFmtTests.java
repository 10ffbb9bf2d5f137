package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code terraform fmt -check}, which needs no provider, when a terraform binary is on PATH. */
class TerraformFmtTests {

  private static Path terraform;

  @BeforeAll
  static void findTerraform() {
    terraform =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(dir -> Path.of(dir, "terraform"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    // A developer machine without terraform skips with a notice; CI must never skip it.
    if (terraform == null && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but no terraform binary on PATH for the fmt check");
    }
    if (terraform == null) {
      System.out.println(
          "NOTICE: no terraform binary on PATH; skipping `terraform fmt -check -recursive`");
    }
  }

  @Test
  void terraformTreeIsFormatted() throws Exception {
    assumeTrue(terraform != null, "no terraform binary on PATH");
    Result fmt = fmtCheck(Trees.terraformRoot());
    assertThat(fmt.exitCode()).as("terraform fmt -check lists:%n%s", fmt.output()).isZero();
  }

  @Test
  void unformattedFixtureFailsTheFormatCheck() throws Exception {
    assumeTrue(terraform != null, "no terraform binary on PATH");
    Result fmt = fmtCheck(Trees.fixtureDir("unformatted"));
    assertThat(fmt.exitCode()).isNotZero();
    assertThat(fmt.output()).contains("main.tf");
  }

  private record Result(int exitCode, String output) {}

  private static Result fmtCheck(Path dir) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(terraform.toString(), "fmt", "-check", "-recursive", dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("terraform fmt finished").isTrue();
    return new Result(process.exitValue(), output);
  }
}
