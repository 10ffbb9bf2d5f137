package io.aiplatform.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of one test's own, on a free port, that the test may stop and start again
 * ({@code pg_ctl stop -m immediate} is a crash as far as clients can tell) without disturbing the
 * shared server every other test uses. Made with the local server binaries, the way {@code
 * scripts/backing-services.sh} makes the shared one: as the {@code postgres} user when run as root,
 * because {@code initdb} refuses root.
 */
public final class PrivatePostgres implements AutoCloseable {

  private static final long COMMAND_TIMEOUT_SECONDS = 60;

  private final Path directory;
  private final int port;

  private PrivatePostgres(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** Creates the cluster and starts it. */
  public static PrivatePostgres start() {
    try {
      Path directory = Files.createTempDirectory("private-postgres-");
      PrivatePostgres postgres = new PrivatePostgres(directory, freePort());
      if (isRoot()) {
        run(List.of("chown", "-R", "postgres:", directory.toString()));
      }
      postgres.asOwner(
          binary("initdb"),
          "-D",
          postgres.data(),
          "-U",
          "postgres",
          "--auth=trust",
          "-E",
          "UTF8",
          "--locale=C.UTF-8");
      postgres.startServer();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JDBC URL of the cluster's {@code postgres} database (user {@code postgres}, no password). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** Stops the server at once, without a checkpoint: connections break as in a crash. */
  public void stopImmediately() {
    asOwner(binary("pg_ctl"), "-D", data(), "-m", "immediate", "-w", "stop");
  }

  /** Starts the server again on the same port, after a stop. */
  public void startServer() {
    asOwner(
        binary("pg_ctl"),
        "-D",
        data(),
        "-l",
        directory.resolve("postgres.log").toString(),
        "-w",
        "-t",
        "60",
        "-o",
        "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1",
        "start");
  }

  @Override
  public void close() {
    try {
      asOwner(binary("pg_ctl"), "-D", data(), "-m", "fast", "-w", "stop");
    } catch (RuntimeException e) {
      // already stopped
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String data() {
    return directory.resolve("data").toString();
  }

  private void asOwner(String... command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    run(full);
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** On the PATH, else in the Debian layout {@code /usr/lib/postgresql/<version>/bin}. */
  private static String binary(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name).toString();
      }
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin").resolve(name))
          .filter(Files::isExecutable)
          .max(Comparator.naturalOrder())
          .map(Path::toString)
          .orElseThrow(() -> new IllegalStateException(name + " not found"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "PostgreSQL server binaries not found (" + name + "): apt-get install postgresql", e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
