package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blue/green hook (modules/ecs/hooks/test_traffic_check.py) run with python3 against a stand-in
 * for the green task set on the test listener: it succeeds only when readiness is up and an
 * anonymous admin call is a 401 problem. And the zip the Lambda function deploys is that file.
 */
class TestTrafficHookTests {

  private static final Path HOOKS = Trees.terraformRoot().resolve("modules/ecs/hooks");

  private HttpServer green;

  @AfterEach
  void stop() {
    if (green != null) {
      green.stop(0);
    }
  }

  @Test
  void aReadyGreenThatRefusesAnonymousCallsSucceeds() throws Exception {
    startGreen(200, 401, "application/problem+json", "{\"status\":401}");
    assertThat(verdict()).startsWith("Succeeded");
  }

  @Test
  void aGreenThatIsNotReadyFails() throws Exception {
    startGreen(503, 401, "application/problem+json", "{\"status\":401}");
    assertThat(verdict()).startsWith("Failed").contains("readiness answered 503");
  }

  @Test
  void aGreenThatAnswersAnonymousCallsWithoutAProblemFails() throws Exception {
    startGreen(200, 200, "application/json", "[]");
    assertThat(verdict())
        .startsWith("Failed")
        .contains("anonymous GET /admin/systems answered 200");
  }

  @Test
  void anUnreachableTestListenerFails() throws Exception {
    startGreen(200, 401, "application/problem+json", "{\"status\":401}");
    int port = green.getAddress().getPort();
    green.stop(0);
    green = null;
    assertThat(verdict("http://127.0.0.1:" + port)).startsWith("Failed").contains("unreachable");
  }

  @Test
  void theDeployedZipHoldsExactlyTheHookSource() throws IOException {
    try (ZipFile zip = new ZipFile(HOOKS.resolve("test_traffic_check.zip").toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("test_traffic_check.py");
      try (InputStream entry = zip.getInputStream(zip.getEntry("test_traffic_check.py"))) {
        assertThat(entry.readAllBytes())
            .as("rebuild the zip from test_traffic_check.py (see modules/ecs/README.md)")
            .isEqualTo(Files.readAllBytes(HOOKS.resolve("test_traffic_check.py")));
      }
    }
  }

  private void startGreen(int readiness, int admin, String adminType, String adminBody)
      throws IOException {
    green = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    green.createContext(
        "/actuator/health/readiness",
        exchange -> {
          exchange.sendResponseHeaders(readiness, -1);
          exchange.close();
        });
    green.createContext(
        "/admin/systems",
        exchange -> {
          byte[] body = adminBody.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", adminType);
          exchange.sendResponseHeaders(admin, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    green.start();
  }

  private String verdict() throws Exception {
    return verdict("http://127.0.0.1:" + green.getAddress().getPort());
  }

  /** The hook's verdict function, one attempt, printed as "Status problem; problem". */
  private static String verdict(String url) throws Exception {
    String script =
        "import sys; sys.path.insert(0, sys.argv[1]); import test_traffic_check as h; "
            + "s, p = h.verdict(sys.argv[2], attempts=1); print(s, '; '.join(p))";
    Process python =
        new ProcessBuilder("python3", "-c", script, HOOKS.toString(), url)
            .redirectErrorStream(true)
            .start();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(out).isZero();
    return out.trim();
  }
}
