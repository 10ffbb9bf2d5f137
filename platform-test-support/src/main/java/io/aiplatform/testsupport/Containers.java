package io.aiplatform.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Backing services from Testcontainers, for machines with a Docker engine. */
final class Containers {

  private static final DockerImageName POSTGRES = DockerImageName.parse("postgres:15-alpine");
  private static final DockerImageName MOTO = DockerImageName.parse("motoserver/moto:5.2.1");
  private static final int MOTO_PORT = 5000;

  private Containers() {}

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // lives as long as the test JVM; Ryuk removes it afterwards
  static TestDatabase postgres() {
    PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES);
    container.start();
    return new TestDatabase(
        container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  @SuppressWarnings("resource") // lives as long as the test JVM; Ryuk removes it afterwards
  static String awsEmulator() {
    GenericContainer<?> container =
        new GenericContainer<>(MOTO)
            .withExposedPorts(MOTO_PORT)
            .waitingFor(Wait.forHttp("/moto-api/").forStatusCode(200));
    container.start();
    return "http://" + container.getHost() + ":" + container.getMappedPort(MOTO_PORT);
  }
}
