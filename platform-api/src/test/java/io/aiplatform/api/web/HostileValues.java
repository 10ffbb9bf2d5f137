package io.aiplatform.api.web;

import io.aiplatform.api.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The raw material {@link HostileRequests} picks from. */
final class HostileValues {

  static final List<String> ODD_METHODS =
      List.of("PUT", "PATCH", "PROPFIND", "TRACE", "MKCOL", "FOO", "OPTIONS", "HEAD", "CONNECT");
  static final List<String> SEGMENTS =
      List.of(
          "not-a-uuid",
          "1-1-1-1-1",
          "%",
          "%zz",
          "%%23",
          ";a=b",
          "%00",
          "%2F",
          "..",
          "%2e%2e",
          "%ED%A0%80",
          "%C3%28",
          "=249;2~6%3F%",
          "x".repeat(300),
          "%F0%9F%98%80",
          "\u00ff",
          "{id}",
          "%20",
          "%5C",
          "~",
          "%3B",
          "*",
          "%u0000",
          "a%2Fb");
  static final List<String> NAMES =
      List.of(
          "limit",
          "cursor",
          "status",
          "from",
          "to",
          "subject",
          "system_id",
          "delete_data",
          "",
          "%zz",
          "x",
          "%00",
          "limit");
  static final List<String> VALUES =
      List.of(
          "",
          "%",
          "%zz",
          "%00",
          "a%00b",
          "%2B294277-01-01T00:00:00Z",
          "-4714-11-23T00:00:00Z",
          "2026-12-01T00:00:00Z",
          "99999999999999999999",
          "-1",
          "0",
          "1",
          "200",
          "201",
          "abc",
          "%ED%A0%80",
          "%C3%28",
          "true",
          "maybe",
          "active",
          "ACTIVE",
          "9c+%",
          "%F0%9F%98%80",
          "%25",
          "+",
          "x".repeat(2000),
          "%01%02",
          "2026-13-45T99:00:00Z");
  static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/json; charset=latin1",
          "///",
          "multipart/form-data; boundary=x",
          "application/problem+json",
          "application/xml");
  static final List<String> ACCEPTS =
      List.of("text/html", "application/xml", "*/*", "garbage", "application/problem+json", "");

  static List<byte[]> oddHeaders() {
    return List.of(
        concat("X-Raw: ", new byte[] {(byte) 0xFF, (byte) 0xFE}),
        RawHttp.header("X-Request-Id: " + "r".repeat(500)),
        RawHttp.header("X-Request-Id: bad id with spaces"),
        RawHttp.header("Origin: https://evil.example"),
        RawHttp.header("Content-Encoding: gzip"),
        RawHttp.header("X-Forwarded-For: 300.300.300.300"),
        RawHttp.header("X-Nul: a\u0000b"),
        RawHttp.header("Transfer-Encoding: gzip"),
        RawHttp.header("Host: evil.example"));
  }

  static byte[] concat(String text, byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(raw);
    return out.toByteArray();
  }

  private HostileValues() {}
}
