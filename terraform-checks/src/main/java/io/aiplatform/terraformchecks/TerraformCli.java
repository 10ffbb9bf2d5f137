package io.aiplatform.terraformchecks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code terraform} binary with the AWS provider from the machine's filesystem mirror: the
 * registry cannot be reached, so every run gets a CLI configuration (written under {@code work})
 * whose only provider source is the mirror, and a data directory of its own, so that nothing is
 * written into the Terraform tree but the example roots' throwaway lock files.
 *
 * <p>The mirror is {@code TF_PROVIDER_MIRROR} when set, else the first of the usual places that
 * holds {@code registry.terraform.io/hashicorp/aws}, else found by a search of the file system.
 */
public final class TerraformCli {

  private static final List<String> MIRROR_CANDIDATES =
      List.of(
          "/opt/tf-plugins",
          "/usr/share/terraform/plugins",
          "/usr/local/share/terraform/plugins",
          System.getProperty("user.home") + "/.terraform.d/plugins");

  private final Path binary;
  private final Path mirror;
  private final Path work;
  private final Path cliConfig;

  private TerraformCli(Path binary, Path mirror, Path work) {
    this.binary = binary;
    this.mirror = mirror;
    this.work = work;
    this.cliConfig = work.resolve("cli.tfrc");
  }

  /** The outcome of one command: exit code and everything it printed. */
  public record Result(int exitCode, String output) {

    /** Whether the command succeeded. */
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Terraform and the mirror on this machine, or empty (with the reason printed) when either is
   * missing. {@code work} receives the CLI configuration and the data directories.
   */
  public static Optional<TerraformCli> find(Path work) {
    Optional<Path> binary = onPath("terraform");
    Optional<Path> mirror = binary.isPresent() ? findMirror() : Optional.empty();
    if (binary.isEmpty() || mirror.isEmpty()) {
      System.out.println(
          "NOTICE: "
              + (binary.isEmpty() ? "no terraform on PATH" : "no AWS provider mirror found"));
      return Optional.empty();
    }
    TerraformCli cli = new TerraformCli(binary.get(), mirror.get(), work);
    cli.writeCliConfig();
    return Optional.of(cli);
  }

  /** The mirror root (the directory holding {@code registry.terraform.io}). */
  public Path mirror() {
    return mirror;
  }

  /**
   * Runs {@code terraform args} in {@code dir} with its own data directory (named after {@code
   * dataName}) and the extra environment {@code env}.
   */
  public Result run(
      Path dir, String dataName, Map<String, String> env, Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    // An emulator endpoint in the caller's environment must never reach a run by accident.
    environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("TF_"));
    environment.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
    environment.put("TF_DATA_DIR", work.resolve("data").resolve(dataName).toString());
    environment.put("TF_IN_AUTOMATION", "1");
    environment.put("TF_INPUT", "0");
    environment.put("CHECKPOINT_DISABLE", "1");
    environment.putAll(env);
    try {
      Path log = Files.createTempFile(work, dataName.replaceAll("\\W", "_"), ".log");
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "terraform " + String.join(" ", args) + " in " + dir + " took over " + timeout);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running terraform in " + dir, e);
    }
  }

  /** {@link #run} without extra environment. */
  public Result run(Path dir, String dataName, Duration timeout, String... args) {
    return run(dir, dataName, new HashMap<>(), timeout, args);
  }

  private void writeCliConfig() {
    String config =
        """
        # Written by TerraformCli: the AWS provider only from the machine's mirror.
        provider_installation {
          filesystem_mirror {
            path    = "%s"
            include = ["registry.terraform.io/hashicorp/aws"]
          }
        }
        """
            .formatted(mirror);
    try {
      Files.createDirectories(work);
      Files.writeString(cliConfig, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> onPath(String name) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static Optional<Path> findMirror() {
    String configured = System.getenv("TF_PROVIDER_MIRROR");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    return MIRROR_CANDIDATES.stream()
        .map(Path::of)
        .filter(p -> Files.isDirectory(p.resolve("registry.terraform.io/hashicorp/aws")))
        .findFirst()
        .or(TerraformCli::searchFileSystem);
  }

  // As NOTES.md says: the mirror root is the part of the provider's path before the registry.
  private static Optional<Path> searchFileSystem() {
    try {
      Process find =
          new ProcessBuilder(
                  "find",
                  "/",
                  "-xdev",
                  "(",
                  "-path",
                  "/proc",
                  "-o",
                  "-path",
                  "/sys",
                  ")",
                  "-prune",
                  "-o",
                  "-name",
                  "terraform-provider-aws_v*",
                  "-print",
                  "-quit")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String found = new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      find.waitFor(120, TimeUnit.SECONDS);
      int registry = found.indexOf("/registry.terraform.io/");
      return registry < 0 ? Optional.empty() : Optional.of(Path.of(found.substring(0, registry)));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
