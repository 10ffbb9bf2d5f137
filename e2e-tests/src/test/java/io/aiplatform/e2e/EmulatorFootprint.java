package io.aiplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aiplatform.terraformchecks.TerraformCli;
import io.aiplatform.testsupport.BackingServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code terraform/emulator} applied against the test emulator under a prefix of its own, with
 * local state in the build directory, and destroyed again. Without terraform or the provider mirror
 * a developer's run skips; on CI ({@code CI=true}) that fails.
 */
final class EmulatorFootprint {

  private static final Path ROOT = Path.of(System.getProperty("e2e.root", "..")).normalize();
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  final String prefix;
  private final TerraformCli cli;
  private final Path dir = ROOT.resolve("terraform/emulator").toAbsolutePath();
  private final String data;
  private final String[] vars;
  private boolean destroyed;

  private EmulatorFootprint(TerraformCli cli, String prefix) {
    this.cli = cli;
    this.prefix = prefix;
    this.data = "emulator-" + prefix;
    this.vars =
        new String[] {
          "-var", "endpoint=" + BackingServices.awsEndpoint(), "-var", "prefix=" + prefix
        };
  }

  /** Applies the emulator root; fails with terraform's output when it does not apply. */
  static EmulatorFootprint apply(String prefix) {
    Path work = ROOT.resolve("e2e-tests/target/terraform").toAbsolutePath();
    Optional<TerraformCli> cli = TerraformCli.find(work);
    if (cli.isEmpty() && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true but terraform or the AWS provider mirror is missing");
    }
    assumeTrue(cli.isPresent(), "terraform with the AWS provider mirror");
    EmulatorFootprint footprint = new EmulatorFootprint(cli.get(), prefix);
    String state = work.resolve(prefix + ".tfstate").toString();
    footprint.ok("init", "-no-color", "-lockfile=readonly", "-backend-config=path=" + state);
    footprint.ok(footprint.withVars("apply", "-auto-approve", "-no-color"));
    return footprint;
  }

  /** The services' settings for what was created ({@code terraform output settings}). */
  Map<String, String> settings() {
    JsonNode settings =
        JsonMapper.builder().build().readTree(ok("output", "-json", "settings").output());
    Map<String, String> values = new TreeMap<>();
    settings.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
    return values;
  }

  /** {@code terraform destroy}; once. */
  TerraformCli.Result destroy() {
    destroyed = true;
    return cli.run(dir, data, TIMEOUT, withVars("destroy", "-auto-approve", "-no-color"));
  }

  boolean destroyed() {
    return destroyed;
  }

  private String[] withVars(String... args) {
    String[] all = new String[args.length + vars.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(vars, 0, all, args.length, vars.length);
    return all;
  }

  private TerraformCli.Result ok(String... args) {
    TerraformCli.Result result = cli.run(dir, data, TIMEOUT, args);
    assertThat(result.ok()).as("terraform %s:%n%s", args[0], result.output()).isTrue();
    return result;
  }
}
