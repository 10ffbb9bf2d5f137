package io.aiplatform.api.web;

import io.aiplatform.api.support.RawHttp;
import io.aiplatform.api.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The requests the issue quotes, byte for byte, each with the refusal it must get; and a few that
 * Tomcat and Spring Security's firewall refuse before our code runs.
 */
final class QuotedRequests {

  private static final String SYSTEM = "6f1c2a43-6d1b-4f3e-9d55-2a7f0f7b1c11";
  private static final String VALIDATION = ProblemTypes.VALIDATION;
  private static final String MALFORMED = ProblemTypes.MALFORMED;

  private QuotedRequests() {}

  /** One hostile request and the refusal it must get. */
  record Hostile(
      String method,
      byte[] target,
      List<byte[]> headers,
      byte[] body,
      int status,
      String type,
      String field) {

    @Override
    public String toString() {
      return method + " " + new String(target, StandardCharsets.ISO_8859_1);
    }
  }

  static Stream<Hostile> all() {
    return Stream.of(
        post(json("{\"system_name\":\"nul-x\",\"description\":\"a\\u0000b\"}"), "description"),
        post(json("{\"system_name\":\"sur-x\",\"description\":\"x\\ud800y\"}"), "description"),
        get("/admin/audit?from=%2B294277-01-01T00:00:00Z", VALIDATION, "from"),
        get("/admin/audit?from=-4714-11-23T00:00:00Z", VALIDATION, "from"),
        get(
            "/admin/systems?cursor=" + cursor("+294277-01-01T00:00:00Z|" + SYSTEM),
            VALIDATION,
            "cursor"),
        get("/admin/audit?subject=a%00b", VALIDATION, "subject"),
        get("/admin/audit?subject=%ED%A0%80", VALIDATION, "subject"),
        get("/admin/audit?subject=%C3%28", VALIDATION, "subject"),
        post(json("{\"system_name\":\"dup-a\",\"system_name\":\"dup-b\"}"), "system_name"),
        post(
            json("{\"system_name\":\"mem-x\",\"lambda_config\":{\"memory\":\"\"}}"),
            "lambda_config.memory"),
        new Hostile(
            "GET",
            bytes("/admin/systems"),
            withToken(RawHttp.header("Authorization: Bearer someone-else")),
            null,
            400,
            VALIDATION,
            "Authorization"),
        get("/admin/systems?%zz=1", MALFORMED, null),
        get("/admin/systems?=1", MALFORMED, null),
        get("/admin/systems?limit=%", VALIDATION, "limit"),
        new Hostile(
            "DELETE",
            bytes("/admin/systems/" + SYSTEM + "?="),
            withToken(),
            null,
            400,
            MALFORMED,
            null),
        get("/admin/audit?to=9c+%", VALIDATION, "to"),
        get("/admin/systems/=249;2~6%3F%", MALFORMED, null),
        get("/admin/systems/;497+74d%%23/events", MALFORMED, null),
        new Hostile(
            "POST",
            bytes("/admin/systems"),
            withToken(
                RawHttp.header("Content-Type: application/json"),
                concat(
                    bytes("Idempotency-Key: "),
                    new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80})),
            bytes("{\"system_name\":\"idem-x\"}"),
            400,
            VALIDATION,
            "Idempotency-Key"),
        new Hostile(
            "PROPFIND",
            bytes("/admin/systems"),
            withToken(),
            null,
            405,
            ProblemTypes.METHOD_NOT_ALLOWED,
            null),
        new Hostile(
            "GET",
            bytes("/admin/systems"),
            withToken(RawHttp.header("Origin: https://evil.example")),
            null,
            403,
            ProblemTypes.FORBIDDEN,
            null),
        // Refused by Tomcat (undecodable URI) and by Spring Security's firewall, before our code.
        get("/admin/%zz", MALFORMED, null),
        get("/admin/systems//x", MALFORMED, null),
        get("/admin/systems/%2F", MALFORMED, null),
        new Hostile(
            "GET",
            bytes("/admin/systems"),
            withToken(RawHttp.header("Bad header line")),
            null,
            400,
            MALFORMED,
            null));
  }

  private static Hostile get(String target, String type, String field) {
    return new Hostile("GET", bytes(target), withToken(), null, 400, type, field);
  }

  private static Hostile post(byte[] body, String field) {
    return new Hostile(
        "POST",
        bytes("/admin/systems"),
        withToken(RawHttp.header("Content-Type: application/json")),
        body,
        400,
        VALIDATION,
        field);
  }

  private static List<byte[]> withToken(byte[]... more) {
    List<byte[]> headers = new ArrayList<>(bearer(TestTokens.admin()));
    headers.addAll(List.of(more));
    return headers;
  }

  static List<byte[]> bearer(String token) {
    return List.of(RawHttp.header("Authorization: Bearer " + token));
  }

  private static String cursor(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] json(String text) {
    return bytes(text);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
