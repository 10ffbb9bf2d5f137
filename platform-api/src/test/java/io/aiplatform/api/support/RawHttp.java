package io.aiplatform.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * HTTP/1.1 over a plain socket: the request goes out byte for byte as given, duplicate headers, raw
 * non-ASCII bytes and bad percent-encoding included, which {@code java.net.http} would refuse or
 * normalise. Every request is sent with {@code Connection: close} and read to the end.
 */
public final class RawHttp {

  private static final int TIMEOUT_MILLIS = 30_000;

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** An answer: status, headers (names lower-cased) and the de-chunked body. */
  public record Response(int status, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return Api.json().readTree(body);
    }

    public boolean isProblem() {
      String type = header("Content-Type");
      return type != null && type.startsWith("application/problem+json");
    }
  }

  /**
   * A request: the request line from {@code method} and {@code target} (raw bytes, sent as they
   * are), then {@code Host}, {@code Connection: close}, the given header lines and, with a body,
   * its {@code Content-Length}.
   */
  public static byte[] request(String method, byte[] target, List<byte[]> headers, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(target);
    out.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes());
    for (byte[] header : headers) {
      out.writeBytes(header);
      out.writeBytes("\r\n".getBytes());
    }
    if (body != null) {
      out.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes());
      out.writeBytes(body);
    } else {
      out.writeBytes("\r\n".getBytes());
    }
    return out.toByteArray();
  }

  /** A header line from text, each char one byte (ISO-8859-1). */
  public static byte[] header(String line) {
    return line.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Sends the bytes and reads the whole answer. */
  public Response send(byte[] request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(), 0);
    if (end < 0) {
      throw new IllegalStateException("No HTTP response head in " + raw.length + " bytes");
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
    List<String> encoding = headers.get("transfer-encoding");
    if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
      body = dechunk(body);
    }
    return new Response(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, "\r\n".getBytes(), at);
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int length = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (length == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
