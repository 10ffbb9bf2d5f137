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

/** The shape of terraform/: standard module files, thin roots, the provider constraint. */
class TerraformLayoutTests {

  // The only provider this machine has is 5.100.0 (the mirror); 6.x must stay admitted.
  private static final Pattern CONSTRAINT = Pattern.compile(">= 5\\.(\\d+), < 7\\.0");

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
      // Further modules (the admin UI's hosting, say) may sit beside the platform.
      assertThat(root.section("module")).containsKey("platform");
      assertThat(Hcl.map(root.section("module").get("platform")).get("source"))
          .isEqualTo("../../modules/platform");
    }
  }

  @Test
  void awsProviderConstraintAdmitsTheMirrored5100AndSixX() throws IOException {
    for (Path dir :
        Stream.of(
                subdirectories("modules"),
                subdirectories("environments"),
                List.of(Trees.terraformRoot().resolve("examples")))
            .flatMap(List::stream)
            .toList()) {
      String version = awsProviderVersion(TerraformModule.load(dir));
      Matcher constraint = CONSTRAINT.matcher(version);
      assertThat(constraint.matches()).as("%s constrains aws as %s", dir, version).isTrue();
      assertThat(Integer.parseInt(constraint.group(1))).isEqualTo(100);
    }
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
