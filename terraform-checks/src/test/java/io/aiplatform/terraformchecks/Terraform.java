package io.aiplatform.terraformchecks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The terraform CLI for the tests, found once per JVM. Without terraform or the provider mirror a
 * developer's run skips with a notice; on CI ({@code CI=true}) that is an error, never a skip.
 */
final class Terraform {

  private static Optional<TerraformCli> cli;

  private Terraform() {}

  static synchronized TerraformCli cli() {
    if (cli == null) {
      Path work = Path.of(System.getProperty("basedir", "."), "target/terraform").toAbsolutePath();
      cli = TerraformCli.find(work);
      if (cli.isEmpty() && "true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(
            "CI=true but terraform or the AWS provider mirror is missing (see NOTES.md)");
      }
    }
    assumeTrue(cli.isPresent(), "terraform with the AWS provider mirror");
    return cli.get();
  }
}
