package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shape of terraform/: standard module files, thin roots, the provider pin, blue/green. */
class TerraformLayoutTests {

  private static final Pattern MODULE_PIN = Pattern.compile(">= 6\\.(\\d+), < 7\\.0");
  private static final Pattern ROOT_PIN = Pattern.compile("~> 6\\.(\\d+)\\.\\d+");

  @Test
  void everyModuleHasTheStandardFilesAndAReadme() throws IOException {
    List<Path> modules = subdirectories("modules");
    assertThat(modules).hasSizeGreaterThanOrEqualTo(9);
    for (Path module : modules) {
      for (String file :
          List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md")) {
        assertThat(module.resolve(file)).as("%s/%s", module.getFileName(), file).isRegularFile();
      }
    }
  }

  @Test
  void environmentsAreThinRootsOverThePlatformModule() throws IOException {
    List<Path> environments = subdirectories("environments");
    assertThat(environments).extracting(p -> p.getFileName().toString()).contains("dev", "prod");
    for (Path environment : environments) {
      assertThat(environment.resolve("terraform.tfvars.example")).isRegularFile();
      assertThat(environment.resolve("README.md")).isRegularFile();
      TerraformModule root = TerraformModule.load(environment);
      assertThat(root.blocks())
          .as("%s declares no resources of its own", environment)
          .allMatch(
              b ->
                  List.of("terraform", "provider", "module", "variable", "output")
                      .contains(b.kind()));
      assertThat(root.section("module")).containsOnlyKeys("platform");
      assertThat(Hcl.map(root.section("module").get("platform")).get("source"))
          .isEqualTo("../../modules/platform");
    }
  }

  @Test
  void awsProviderIsPinnedToASixVersionWithNativeBlueGreen() throws IOException {
    for (Path dir :
        Stream.concat(subdirectories("modules").stream(), subdirectories("environments").stream())
            .toList()) {
      String version = awsProviderVersion(TerraformModule.load(dir));
      Matcher pin =
          (dir.startsWith(Trees.terraformRoot().resolve("modules")) ? MODULE_PIN : ROOT_PIN)
              .matcher(version);
      assertThat(pin.matches()).as("%s pins aws as %s", dir, version).isTrue();
      // ECS native blue/green (deployment_configuration.strategy) arrived in 6.4.0.
      assertThat(Integer.parseInt(pin.group(1))).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void platformApiIsDeployedBlueGreenWithTestTrafficAndBakeTime() {
    TerraformModule ecs = TerraformModule.load(Trees.terraformRoot().resolve("modules/ecs"));
    Map<String, Object> api = Hcl.map(ecs.blocksOfType("resource", "aws_ecs_service").get("api"));

    Map<String, Object> deployment = Hcl.map(api.get("deployment_configuration"));
    assertThat(deployment)
        .containsEntry("strategy", "BLUE_GREEN")
        .containsKey("bake_time_in_minutes");
    Map<String, Object> advanced =
        Hcl.map(Hcl.map(api.get("load_balancer")).get("advanced_configuration"));
    assertThat(advanced)
        .containsKeys(
            "alternate_target_group_arn",
            "production_listener_rule",
            "test_listener_rule",
            "role_arn");
  }

  @Test
  void tasksGetLongerToStopThanTheAppsGracefulShutdown() {
    TerraformModule ecs = TerraformModule.load(Trees.terraformRoot().resolve("modules/ecs"));
    Object stopTimeout =
        Hcl.map(ecs.section("variable").get("stop_timeout_seconds")).get("default");
    assertThat((Double) stopTimeout)
        .as("stop timeout vs. 30 s graceful shutdown")
        .isGreaterThan(30.0);
  }

  private static String awsProviderVersion(TerraformModule module) {
    Map<String, Object> providers = Hcl.map(module.section("terraform").get("required_providers"));
    return String.valueOf(Hcl.map(providers.get("aws")).get("version"));
  }

  private static List<Path> subdirectories(String under) throws IOException {
    try (Stream<Path> dirs = Files.list(Trees.terraformRoot().resolve(under))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }
}
