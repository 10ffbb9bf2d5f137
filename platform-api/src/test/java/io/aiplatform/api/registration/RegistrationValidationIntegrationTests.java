package io.aiplatform.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Invalid registrations: each refused with a problem naming the field, nothing stored or queued.
 */
class RegistrationValidationIntegrationTests extends ApiIntegrationTest {

  static Stream<Arguments> invalidRegistrations() {
    return Stream.of(
        bad("upper case", name("Inventory-Optimizer"), "system_name"),
        bad("double dot", name("inventory..optimizer"), "system_name"),
        bad("leading hyphen", name("-inventory"), "system_name"),
        bad("trailing hyphen", name("inventory-"), "system_name"),
        bad("IP shaped", name("192.168.10.1"), "system_name"),
        bad("xn-- prefix", name("xn--inventory"), "system_name"),
        bad("sthree- prefix", name("sthree-inventory"), "system_name"),
        bad("too long only with the prefix", name("a".repeat(40)), "system_name"),
        bad("CR LF", name("inventory\\r\\noptimizer"), "system_name"),
        bad("asterisk", name("inventory*"), "system_name"),
        bad("empty name", name(""), "system_name"),
        bad("missing name", "{\"description\":\"x\"}", "system_name"),
        bad("two hyphens in a row", name("inventory--optimizer"), "system_name"),
        bad("underscore", name("inventory_optimizer"), "system_name"),
        bad("name of the wrong type", "{\"system_name\":42}", "system_name"),
        bad("unknown field", "{\"system_name\":\"x-1\",\"owner\":\"me\"}", "owner"),
        bad(
            "unknown nested field",
            "{\"system_name\":\"x-2\",\"lambda_config\":{\"memory\":256,\"gpu\":true}}",
            "lambda_config.gpu"),
        bad(
            "data_sources not an array",
            "{\"system_name\":\"x-3\",\"data_sources\":\"inventory\"}",
            "data_sources"),
        bad("table name with SQL", sources("\"orders; DROP TABLE x\""), "data_sources[0]"),
        bad("table name starting with a digit", sources("\"1orders\""), "data_sources[0]"),
        bad("null table name", sources("null"), "data_sources[0]"),
        bad("table listed twice", sources("\"orders\",\"orders\""), "data_sources[1]"),
        bad("unknown HTTP method", endpoint("/x", "FETCH"), "endpoints[0].method"),
        bad("lower-case HTTP method", endpoint("/x", "get"), "endpoints[0].method"),
        bad("path without slash", endpoint("optimize", "GET"), "endpoints[0].path"),
        bad("memory below 128", lambda("64", "60", "\"python3.11\""), "lambda_config.memory"),
        bad("memory above 10240", lambda("20000", "60", "\"python3.11\""), "lambda_config.memory"),
        bad("timeout 0", lambda("512", "0", "\"python3.11\""), "lambda_config.timeout"),
        bad("timeout above 900", lambda("512", "901", "\"python3.11\""), "lambda_config.timeout"),
        bad("runtime not allowed", lambda("512", "60", "\"python2.7\""), "lambda_config.runtime"),
        bad(
            "memory of the wrong type",
            lambda("\"lots\"", "60", "\"python3.11\""),
            "lambda_config.memory"),
        bad(
            "description too long",
            "{\"system_name\":\"x-4\",\"description\":\"" + "d".repeat(1025) + "\"}",
            "description"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRegistrations")
  void invalidRegistrationIs400NamingTheFieldAndStoresNothing(
      String label, String body, String field) {
    Counts before = counts();

    Api.Response response = api.post("/admin/systems", TestTokens.admin(), body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/validation");
    assertThat(fields(problem)).contains(field);
    assertNoLeak(response.body());
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void everyBadFieldIsNamedInOneAnswer() {
    String body =
        """
        {"system_name":"Bad Name","data_sources":["ok","1bad"],
         "endpoints":[{"path":"/a","method":"FETCH"}],
         "lambda_config":{"memory":1,"timeout":1000,"runtime":"cobol"}}
        """;

    Api.Response response = api.post("/admin/systems", TestTokens.admin(), body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(fields(response.json()))
        .contains(
            "system_name",
            "data_sources[1]",
            "endpoints[0].method",
            "lambda_config.memory",
            "lambda_config.timeout",
            "lambda_config.runtime");
  }

  @Test
  void bodyThatIsNotJsonIs400WithoutInternals() {
    Counts before = counts();

    Api.Response response = api.post("/admin/systems", TestTokens.admin(), "{\"system_name\": ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/malformed-request");
    assertNoLeak(response.body());
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void wrongContentTypeIs415() {
    Counts before = counts();

    Api.Response response =
        api.send(
            api.request("/admin/systems", TestTokens.admin())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(registration(uniqueName("text")))));

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.body()).contains("https://aiplatform.io/problems/unsupported-media-type");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void bodyOver64KibIs413() {
    Counts before = counts();
    String body = "{\"system_name\":\"big-1\",\"description\":\"" + "x".repeat(70_000) + "\"}";

    Api.Response response = api.post("/admin/systems", TestTokens.admin(), body);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/payload-too-large");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void chunkedBodyOver64KibIs413() {
    Counts before = counts();
    byte[] body =
        ("{\"system_name\":\"big-2\",\"description\":\"" + "x".repeat(70_000) + "\"}").getBytes();

    Api.Response response =
        api.send(
            api.request("/admin/systems", TestTokens.admin())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body))));

    assertThat(response.status()).isEqualTo(413);
    assertThat(counts()).isEqualTo(before);
  }

  private record Counts(int systems, int publications) {}

  private Counts counts() {
    return new Counts(
        jdbc.queryForObject("SELECT count(*) FROM systems", Integer.class),
        jdbc.queryForObject("SELECT count(*) FROM event_publication", Integer.class));
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
  }

  private static void assertNoLeak(String body) {
    assertThat(body).doesNotContain("Exception", "io.aiplatform", "tools.jackson", "java.", "SQL");
  }

  private static Arguments bad(String label, String body, String field) {
    return Arguments.of(label, body, field);
  }

  private static String name(String name) {
    return "{\"system_name\":\"" + name + "\"}";
  }

  private static String sources(String items) {
    return "{\"system_name\":\"src-1\",\"data_sources\":[" + items + "]}";
  }

  private static String endpoint(String path, String method) {
    return "{\"system_name\":\"ep-1\",\"endpoints\":[{\"path\":\""
        + path
        + "\",\"method\":\""
        + method
        + "\"}]}";
  }

  private static String lambda(String memory, String timeout, String runtime) {
    return "{\"system_name\":\"fn-1\",\"lambda_config\":{\"memory\":%s,\"timeout\":%s,\"runtime\":%s}}"
        .formatted(memory, timeout, runtime);
  }
}
