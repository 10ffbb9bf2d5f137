package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code terraform init -backend=false} and {@code terraform validate} of every root: the account
 * bootstrap, both environments, the emulator root and the example root that calls every module,
 * against the AWS provider 5.100 the machine's mirror holds. The committed lock files must match
 * what init selects ({@code -lockfile=readonly}).
 */
class TerraformValidateTests {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final List<String> LOCKED_ROOTS =
      List.of("bootstrap", "environments/dev", "environments/prod", "emulator");
  private static final Map<Path, TerraformCli.Result> RESULTS = new ConcurrentHashMap<>();

  @BeforeAll
  static void validateEveryRoot() throws Exception {
    TerraformCli cli = Terraform.cli();
    // Two at a time: provider schema loading is CPU-bound and the machine has two cores.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (Path root : roots()) {
        runs.add(pool.submit(() -> RESULTS.put(root, initAndValidate(cli, root))));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyRootInitialisesFromTheMirrorAndValidates() throws IOException {
    assertThat(RESULTS.keySet()).containsExactlyInAnyOrderElementsOf(roots());
    RESULTS.forEach(
        (root, result) -> assertThat(result.ok()).as("%s:%n%s", root, result.output()).isTrue());
  }

  @Test
  void everyModuleIsValidatedThroughTheExampleRoot() throws IOException {
    for (Path module : subdirectories("modules")) {
      String name = module.getFileName().toString();
      Path example = Trees.terraformRoot().resolve("examples/" + name + ".tf");
      boolean covered =
          name.equals("platform")
              || Files.isRegularFile(example)
                  && Files.readString(example).contains("\"../modules/" + name + "\"");
      assertThat(covered).as("terraform/examples/%s.tf calls modules/%s", name, name).isTrue();
    }
  }

  @Test
  void rootsCommitALockFileForTheMirroredProvider() throws IOException {
    for (String root : LOCKED_ROOTS) {
      Path lock = Trees.terraformRoot().resolve(root).resolve(".terraform.lock.hcl");
      assertThat(lock).as("%s lock file", root).isRegularFile();
      assertThat(Files.readString(lock))
          .contains("provider \"registry.terraform.io/hashicorp/aws\"")
          .contains("version     = \"5.100.0\"");
    }
  }

  /** The check that would have caught the listener's content type: validate refuses it. */
  @Test
  void validateRefusesAFixedResponseContentTypeTheLoadBalancerDoesNotAccept() {
    Path fixture = Trees.fixtureDir("invalid-fixed-response").toAbsolutePath();
    TerraformCli.Result result = initAndValidate(Terraform.cli(), fixture);

    assertThat(result.ok()).isFalse();
    assertThat(result.output()).contains("content_type").contains("application/problem+json");
  }

  private static TerraformCli.Result initAndValidate(TerraformCli cli, Path root) {
    String data = Trees.terraformRoot().getParent().relativize(root).toString();
    boolean locked =
        Files.isRegularFile(root.resolve(".terraform.lock.hcl"))
            && LOCKED_ROOTS.stream().anyMatch(r -> root.endsWith(r));
    TerraformCli.Result init =
        locked
            ? cli.run(
                root, data, TIMEOUT, "init", "-backend=false", "-lockfile=readonly", "-no-color")
            : cli.run(root, data, TIMEOUT, "init", "-backend=false", "-no-color");
    if (!init.ok()) {
      return init;
    }
    return cli.run(root, data, TIMEOUT, "validate", "-no-color");
  }

  private static List<Path> roots() throws IOException {
    Path tf = Trees.terraformRoot();
    List<Path> roots = new ArrayList<>();
    for (String root : LOCKED_ROOTS) {
      roots.add(tf.resolve(root));
    }
    roots.add(tf.resolve("examples"));
    return roots;
  }

  private static List<Path> subdirectories(String under) throws IOException {
    try (Stream<Path> dirs = Files.list(Trees.terraformRoot().resolve(under))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }
}
