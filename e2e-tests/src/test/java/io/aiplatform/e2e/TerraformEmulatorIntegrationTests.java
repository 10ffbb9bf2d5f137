package io.aiplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.terraformchecks.TerraformCli;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS footprint Terraform makes, as far as the emulator serves it ({@code terraform/emulator}:
 * the platform key, queues, stream, tables, data bucket, Firehose, roles), applied against
 * moto_server; the three services run on exactly what that apply created (its outputs are their
 * settings); {@code local/init.py} is shown to create the same names and attributes; and destroy
 * removes it all.
 */
@TestMethodOrder(OrderAnnotation.class)
class TerraformEmulatorIntegrationTests {

  private static final Path ROOT = Path.of(System.getProperty("e2e.root", "..")).normalize();
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static EmulatorFootprint footprint;
  private static Map<String, String> settings;
  private static RunningPlatform platform;
  private static EmulatorClients aws;

  @BeforeAll
  static void applyAndStartTheServices() throws Exception {
    footprint = EmulatorFootprint.apply("tf" + UUID.randomUUID().toString().substring(0, 6));
    settings = footprint.settings();
    platform = RunningPlatform.startOn(footprint.prefix, settings);
    aws = new EmulatorClients();
  }

  @AfterAll
  static void stopAndDestroy() throws InterruptedException {
    if (platform != null) {
      platform.close();
    }
    if (footprint != null && !footprint.destroyed()) {
      footprint.destroy();
    }
    if (aws != null) {
      aws.close();
    }
  }

  @Test
  @Order(1)
  void aRegistrationBecomesActiveOnTheTerraformQueues() throws Exception {
    String name = "tf-" + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"system_name\":\"%s\",\"data_sources\":[\"orders\"]}".formatted(name);
    HttpResponse<String> created = call("POST", "/admin/systems", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("system_id").asString();

    Awaitility.await("system " + id + " active")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> status(id).equals("active"));
    aws.s3().headBucket(b -> b.bucket(footprint.prefix + "-" + name + "-raw"));
  }

  @Test
  @Order(2)
  void anEventIsEnrichedIntoTheTerraformDataBucket() {
    String eventId = "tf-" + UUID.randomUUID();
    aws.putEvent(
        settings.get("PLATFORM_ENRICHMENT_STREAM_NAME"),
        "{\"eventId\":\"%s\",\"productId\":\"PROD-001\",\"quantity\":1}".formatted(eventId));

    String bucket = settings.get("PLATFORM_DELIVERY_BUCKET");
    Awaitility.await("enriched event in " + bucket)
        .atMost(WAIT)
        .until(() -> !aws.linesContaining(bucket, "enriched/", eventId).isEmpty());
    JsonNode event = JSON.readTree(aws.linesContaining(bucket, "enriched/", eventId).get(0));
    assertThat(event.get("enrichmentStatus").asString()).isEqualTo("enriched");
    assertThat(event.get("reference").get("productName").asString())
        .isEqualTo("Wireless Headphones");
  }

  /**
   * Each metric the sidecars are told to publish (exported-metrics.json) is one the service has.
   */
  @Test
  @Order(3)
  void everyExportedMetricNamesAMetricTheServiceServes() throws Exception {
    JsonNode exported =
        JSON.readTree(
            Files.readString(ROOT.resolve("terraform/modules/platform/exported-metrics.json")));
    for (var service : exported.properties()) {
      Set<String> names = prometheusNames(platform.url(service.getKey()));
      for (JsonNode selector : service.getValue()) {
        assertThat(names)
            .as("%s serves a metric matching %s", service.getKey(), selector.asString())
            .anyMatch(name -> name.matches(selector.asString()));
      }
    }
  }

  /** local/init.py is a second copy of these resources for the local stack: it must not drift. */
  @Test
  @Order(4)
  void localInitCreatesTheSameNamesAndAttributesAsTerraform() throws Exception {
    String initPrefix = "li" + UUID.randomUUID().toString().substring(0, 6);
    runInit(initPrefix);

    Map<String, String> terraform = FootprintFacts.of(footprint.prefix);
    Map<String, String> init = FootprintFacts.of(initPrefix);

    assertThat(terraform).hasSizeGreaterThan(40);
    assertThat(init).containsExactlyInAnyOrderEntriesOf(terraform);
  }

  @Test
  @Order(5)
  void destroyRemovesWhatApplyCreated() throws Exception {
    platform.close();
    platform = null;
    TerraformCli.Result destroy = footprint.destroy();

    assertThat(destroy.ok()).as(destroy.output()).isTrue();
    assertThat(aws.queueNames(footprint.prefix)).isEmpty();
    assertThat(aws.streamExists(settings.get("PLATFORM_ENRICHMENT_STREAM_NAME"))).isFalse();
  }

  private static String status(String id) throws Exception {
    JsonNode system = JSON.readTree(call("GET", "/admin/systems/" + id, null).body());
    assertThat(system.get("status").asString()).isNotEqualTo("provisioning_failed");
    return system.get("status").asString();
  }

  private static HttpResponse<String> call(String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.apiUrl() + path))
            .header("Authorization", "Bearer " + platform.tokens.accessToken("tf-admin"))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Set<String> prometheusNames(String baseUrl) throws Exception {
    String body =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return body.lines()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> line.split("[{ ]", 2)[0])
        .collect(Collectors.toSet());
  }

  private static void runInit(String prefix) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("python3", ROOT.resolve("local/init.py").toString())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("AWS_ENDPOINT_URL", io.aiplatform.testsupport.BackingServices.awsEndpoint());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", "us-east-1");
    env.put("PLATFORM_PREFIX", prefix);
    Process init = builder.start();
    String out = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(init.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(init.exitValue()).as(out).isZero();
  }
}
