package io.aiplatform.worker.resources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Emulator quirk: moto 5.2.1 answers DMS calls with ISO-8601 date strings such as {@code
 * "2026-11-22T00:50:55.859373"} where AWS's JSON protocol sends epoch seconds, and the SDK refuses
 * to read them. This rewrites them to epoch seconds before the SDK reads the body. Installed only
 * when the worker is pointed at an endpoint outside AWS ({@link AwsClientsConfiguration}).
 */
final class EmulatorDmsDates implements ExecutionInterceptor {

  private static final Pattern ISO_DATE =
      Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\"");

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Optional<InputStream> body = context.responseBody();
    if (body.isEmpty()) {
      return body;
    }
    try (InputStream in = body.get()) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher matcher = ISO_DATE.matcher(json);
      String fixed =
          matcher.replaceAll(
              m -> String.valueOf(LocalDateTime.parse(m.group(1)).toEpochSecond(ZoneOffset.UTC)));
      return Optional.of(new ByteArrayInputStream(fixed.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
