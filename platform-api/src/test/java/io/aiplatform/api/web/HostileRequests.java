package io.aiplatform.api.web;

import io.aiplatform.api.support.RawHttp;
import io.aiplatform.api.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates hostile requests to every endpoint from a seed: odd methods, path segments and query
 * values with bad percent-encoding, NULs, surrogates and out-of-range times, duplicated and raw
 * non-ASCII headers, and JSON bodies with every kind of wrong value. Some requests are valid, so
 * that the generator also reaches past validation.
 */
final class HostileRequests {

  /** A request as bytes, and a readable summary of it. */
  record Generated(String method, byte[] bytes, String summary) {}

  private record Endpoint(String method, String path, boolean query, boolean body) {}

  private static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("GET", "/admin/systems", true, false),
          new Endpoint("POST", "/admin/systems", false, true),
          new Endpoint("GET", "/admin/systems/{id}", false, false),
          new Endpoint("PATCH", "/admin/systems/{id}", false, true),
          new Endpoint("DELETE", "/admin/systems/{id}", true, false),
          new Endpoint("POST", "/admin/systems/{id}/retry", false, true),
          new Endpoint("GET", "/admin/systems/{id}/events", false, false),
          new Endpoint("GET", "/admin/audit", true, false),
          new Endpoint("GET", "/v3/api-docs", false, false),
          new Endpoint("GET", "/actuator/health/readiness", false, false));
  private final Random random;
  private final String existing;
  private final HostileBodies bodies;

  HostileRequests(Random random, String existingSystemId) {
    this.random = random;
    this.existing = existingSystemId;
    this.bodies = new HostileBodies(random);
  }

  Generated next() {
    Endpoint endpoint = pick(ENDPOINTS);
    String method = chance(10) ? pick(HostileValues.ODD_METHODS) : endpoint.method();
    String target = endpoint.path().replace("{id}", systemId());
    if (endpoint.query() || chance(8)) {
      target += query();
    }
    byte[] body = endpoint.body() || chance(10) ? bodies.next(method, endpoint.path()) : null;
    boolean change = method.equals("PATCH");
    List<byte[]> headers =
        headers(
            body != null,
            endpoint.path().equals("/admin/systems"),
            change ? "application/merge-patch+json" : "application/json");
    if (change) {
      headers.addAll(ifMatch());
    }
    byte[] bytes =
        RawHttp.request(method, target.getBytes(StandardCharsets.ISO_8859_1), headers, body);
    return new Generated(method, bytes, summary(method, target, body));
  }

  private String systemId() {
    int roll = random.nextInt(10);
    if (roll < 4) {
      return existing;
    }
    return roll < 6 ? UUID.randomUUID().toString() : pick(HostileValues.SEGMENTS);
  }

  private String query() {
    if (chance(15)) {
      return pick(List.of("?", "?&&", "?=", "?=1", "?&=&"));
    }
    StringBuilder query = new StringBuilder("?");
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      query.append(i == 0 ? "" : "&").append(pick(HostileValues.NAMES)).append('=').append(value());
    }
    return query.toString();
  }

  private String value() {
    if (chance(10)) {
      String raw = pick(List.of("+294277-01-01T00:00:00Z|", "garbage", "2026-12-01T00:00:00Z|"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((raw + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }
    return pick(HostileValues.VALUES);
  }

  private List<byte[]> headers(boolean hasBody, boolean registration, String bodyType) {
    List<byte[]> headers = new ArrayList<>();
    int auth = random.nextInt(20);
    if (auth < 15) {
      headers.add(RawHttp.header("Authorization: Bearer " + TestTokens.admin()));
    } else if (auth == 15) {
      headers.add(RawHttp.header("Authorization: Bearer garbage"));
    } else if (auth == 16) {
      headers.add(
          RawHttp.header("Authorization: Bearer " + TestTokens.token("reader", TestTokens.READ)));
    } else if (auth == 17) {
      headers.add(RawHttp.header("Authorization: Bearer " + TestTokens.admin()));
      headers.add(RawHttp.header("Authorization: Bearer " + TestTokens.admin()));
    } else if (auth == 18) {
      headers.add(RawHttp.header("Authorization: Basic YWRtaW46YWRtaW4="));
    }
    if (hasBody) {
      String type = chance(5) ? pick(HostileValues.CONTENT_TYPES) : bodyType;
      headers.add(RawHttp.header("Content-Type: " + type));
    }
    if (chance(5)) {
      headers.add(RawHttp.header("Accept: " + pick(HostileValues.ACCEPTS)));
    }
    if (registration && chance(3)) {
      headers.add(idempotencyKey());
    }
    if (chance(10)) {
      headers.add(pick(HostileValues.oddHeaders()));
    }
    return headers;
  }

  /** Mostly a change made from any version; sometimes no If-Match, or a stale one. */
  private List<byte[]> ifMatch() {
    List<byte[]> headers = new ArrayList<>();
    int roll = random.nextInt(6);
    if (roll < 4) {
      headers.add(RawHttp.header("If-Match: *"));
    } else if (roll == 4) {
      headers.add(RawHttp.header("If-Match: \"0\", W/\"1\""));
    }
    return headers;
  }

  private byte[] idempotencyKey() {
    return switch (random.nextInt(5)) {
      case 0 -> RawHttp.header("Idempotency-Key: " + UUID.randomUUID());
      case 1 ->
          HostileValues.concat(
              "Idempotency-Key: ", new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80});
      case 2 -> RawHttp.header("Idempotency-Key: ");
      case 3 -> RawHttp.header("Idempotency-Key: " + "k".repeat(300));
      default -> RawHttp.header("Idempotency-Key: a\tb");
    };
  }

  private static String summary(String method, String target, byte[] body) {
    String text = method + " " + printable(target.getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      byte[] head = java.util.Arrays.copyOf(body, Math.min(body.length, 80));
      text += " body[" + body.length + "]=" + printable(head);
    }
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  private static String printable(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      if (b >= 0x20 && b < 0x7F) {
        out.append((char) b);
      } else {
        out.append("\\x").append(HexFormat.of().toHexDigits(b));
      }
    }
    return out.toString();
  }

  private boolean chance(int oneIn) {
    return random.nextInt(oneIn) == 0;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
