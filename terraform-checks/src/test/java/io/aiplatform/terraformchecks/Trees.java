package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Terraform tree under test and the deliberately broken fixtures. */
final class Trees {

  private static List<TerraformModule> terraform;

  private Trees() {}

  /** The repository's {@code terraform/} directory. */
  static Path terraformRoot() {
    Path root = Path.of(System.getProperty("basedir", ".")).resolve("../terraform").normalize();
    assertThat(root).as("terraform/ next to terraform-checks/").isDirectory();
    return root;
  }

  /** Every module and environment root under {@code terraform/}, read once per test JVM. */
  static synchronized List<TerraformModule> terraform() {
    if (terraform == null) {
      List<TerraformModule> modules = TerraformModule.loadAll(terraformRoot());
      assertThat(modules).as("modules under terraform/").isNotEmpty();
      terraform = modules;
    }
    return terraform;
  }

  /** A fixture directory under {@code src/test/resources/fixtures}. */
  static Path fixtureDir(String name) {
    Path dir = Path.of(System.getProperty("basedir", "."), "src/test/resources/fixtures", name);
    assertThat(Files.isDirectory(dir)).as("fixture " + name).isTrue();
    return dir;
  }

  /** The module in a fixture directory. */
  static TerraformModule fixture(String name) {
    return TerraformModule.load(fixtureDir(name));
  }
}
