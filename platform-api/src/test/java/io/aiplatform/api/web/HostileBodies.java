package io.aiplatform.api.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Request bodies for {@link HostileRequests}: registrations with one field made wrong in each of
 * the ways a client (or an attacker) can, JSON that is not JSON, and a few valid registrations.
 */
final class HostileBodies {

  private static final List<String> DESCRIPTIONS =
      List.of(
          "\"a\\u0000b\"",
          "\"x\\ud800y\"",
          "\"\\udc00\"",
          "\"bell\\u0007\"",
          "\"\\uffff\"",
          "\"" + "d".repeat(2000) + "\"",
          "42",
          "[]",
          "{}",
          "null",
          "\"fine\"");
  private static final List<String> MEMORIES =
      List.of(
          "\"\"",
          "\"2048\"",
          "1e3",
          "2048.5",
          "99999999999999999999",
          "-1",
          "true",
          "null",
          "[]",
          "{}",
          "2048",
          "1" + "0".repeat(1500));
  private static final List<String> NAMES =
      List.of(
          "42",
          "\"\"",
          "\"UPPER\"",
          "\"" + "a".repeat(100) + "\"",
          "\"x\\u0000y\"",
          "null",
          "\"x\\ud800\"",
          "\"xn--a\"",
          "[\"a\"]",
          "\"a--b\"",
          "\"192.168.1.1\"");
  private static final List<String> SOURCES =
      List.of(
          "\"\"",
          "[1]",
          "[null]",
          "[\"a; DROP TABLE x\"]",
          "[\"a\\u0000\"]",
          "{}",
          "[[]]",
          "[\"orders\",\"orders\"]");
  private static final List<String> ENDPOINTS =
      List.of(
          "[{\"path\":\"x\",\"method\":\"FETCH\"}]",
          "\"\"",
          "[null]",
          "[{\"path\":\"/a\\u0000\",\"method\":\"GET\"}]",
          "[{\"path\":\"/a\",\"method\":null}]",
          "[{\"path\":\"/a\",\"method\":\"GET\",\"extra\":1}]");

  private final Random random;

  HostileBodies(Random random) {
    this.random = random;
  }

  /** A body for an endpoint: registrations for the collection, anything for the others. */
  byte[] next(String method, String path) {
    if (method.equals("PATCH") && random.nextInt(5) != 0) {
      return patch();
    }
    if (!path.equals("/admin/systems") || random.nextInt(5) == 0) {
      return notJson();
    }
    return switch (random.nextInt(10)) {
      case 0 -> text(registration(quoted(name()), "\"fine\"", "2048"));
      case 1 -> text(registration(pick(NAMES), "\"fine\"", "2048"));
      case 2 -> text(registration(quoted(name()), "\"fine\"", pick(MEMORIES)));
      case 3 ->
          text("{\"system_name\":" + quoted(name()) + ",\"data_sources\":" + pick(SOURCES) + "}");
      case 4 ->
          text("{\"system_name\":" + quoted(name()) + ",\"endpoints\":" + pick(ENDPOINTS) + "}");
      case 5 ->
          text("{\"system_name\":" + quoted(name()) + ",\"system_name\":" + quoted(name()) + "}");
      case 6 ->
          text(
              "{\"system_name\":"
                  + quoted(name())
                  + ",\"lambda_config\":{\"memory\":1024,\"memory\":2048}}");
      case 7 -> text("{\"system_name\":" + quoted(name()) + ",\"owner\":\"me\"}");
      default -> text(registration(quoted(name()), pick(DESCRIPTIONS), "2048"));
    };
  }

  /** A merge patch with one member made wrong, or a duplicate key, or a read-only field. */
  private byte[] patch() {
    return switch (random.nextInt(8)) {
      case 0 -> text("{\"description\":" + pick(DESCRIPTIONS) + "}");
      case 1 -> text("{\"lambda_config\":{\"memory\":" + pick(MEMORIES) + "}}");
      case 2 -> text("{\"data_sources\":" + pick(SOURCES) + "}");
      case 3 -> text("{\"endpoints\":" + pick(ENDPOINTS) + "}");
      case 4 -> text("{\"system_name\":" + pick(NAMES) + "}");
      case 5 -> text("{\"description\":\"a\",\"description\":\"b\"}");
      case 6 -> text("{\"status\":\"active\",\"owner\":1}");
      default -> text(pick(List.of("[]", "null", "\"x\"", "{\"lambda_config\":null}")));
    };
  }

  private byte[] notJson() {
    return switch (random.nextInt(10)) {
      case 0 -> new byte[0];
      case 1 -> text(pick(List.of("null", "[]", "\"x\"", "{", "{\"system_name\":", "}{")));
      case 2 -> text("[".repeat(3000));
      case 3 -> new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
      case 4 -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
      case 5 -> text("{\"description\":\"" + "x".repeat(70_000) + "\"}");
      case 6 ->
          new byte[] {
            '{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'
          };
      case 7 -> text("{\"system_name\":\"a\",\"description\":\"\u0000\"}");
      case 8 -> new byte[] {0, 0, 0, 0};
      default -> text("{\"a\":" + "9".repeat(2000) + "}");
    };
  }

  private static String registration(String name, String description, String memory) {
    return "{\"system_name\":"
        + name
        + ",\"description\":"
        + description
        + ",\"data_sources\":[\"orders\"],\"endpoints\":[{\"path\":\"/"
        + UUID.randomUUID()
        + "\",\"method\":\"GET\"}],"
        + "\"lambda_config\":{\"memory\":"
        + memory
        + ",\"timeout\":60,\"runtime\":\"python3.11\"}}";
  }

  private static String name() {
    return "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
