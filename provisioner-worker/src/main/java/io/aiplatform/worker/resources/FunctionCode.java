package io.aiplatform.worker.resources;

import io.aiplatform.worker.WorkerProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The code a system's new function gets, per runtime family: the zip the family's template setting
 * names in S3, or else the small handler the worker ships, zipped here once per family.
 */
final class FunctionCode {

  /**
   * A runtime family: what its runtimes start with, its handler, and the built-in template's file.
   *
   * @param handler the function's handler setting
   * @param resource the classpath resource of the built-in handler
   * @param entry the file name inside the zip
   */
  record Family(String name, String handler, String resource, String entry) {}

  static final Family PYTHON =
      new Family(
          "python", "handler.handler", "/function-templates/python/handler.py", "handler.py");
  static final Family NODEJS =
      new Family("nodejs", "index.handler", "/function-templates/nodejs/index.mjs", "index.mjs");
  static final Family JAVA =
      new Family(
          "java",
          "io.aiplatform.handler.Handler::handleRequest",
          "/io/aiplatform/handler/Handler.class",
          "io/aiplatform/handler/Handler.class");

  private static final Map<String, byte[]> ZIPS = new ConcurrentHashMap<>();

  private final WorkerProperties.Templates templates;

  FunctionCode(WorkerProperties.Templates templates) {
    this.templates = templates;
  }

  static Family family(String runtime) {
    if (runtime.startsWith("python")) {
      return PYTHON;
    }
    if (runtime.startsWith("nodejs")) {
      return NODEJS;
    }
    if (runtime.startsWith("java")) {
      return JAVA;
    }
    throw new IllegalArgumentException("no code template for runtime " + runtime);
  }

  /**
   * Where a function's code comes from: a zip, or an object in S3.
   *
   * @param zip the zip itself, or {@code null}
   * @param bucket the template's bucket, or {@code null}
   * @param key the template's key, or {@code null}
   */
  record Location(SdkBytes zip, String bucket, String key) {

    software.amazon.awssdk.services.lambda.model.FunctionCode asFunctionCode() {
      return software.amazon.awssdk.services.lambda.model.FunctionCode.builder()
          .zipFile(zip)
          .s3Bucket(bucket)
          .s3Key(key)
          .build();
    }
  }

  /** The code of a function of this runtime. */
  Location of(String runtime) {
    Family family = family(runtime);
    String location =
        switch (family.name()) {
          case "python" -> templates.python();
          case "nodejs" -> templates.nodejs();
          default -> templates.java();
        };
    if (location == null || location.isBlank()) {
      byte[] zip = ZIPS.computeIfAbsent(family.name(), f -> zip(family));
      return new Location(SdkBytes.fromByteArray(zip), null, null);
    }
    String path = location.substring("s3://".length());
    int slash = path.indexOf('/');
    return new Location(null, path.substring(0, slash), path.substring(slash + 1));
  }

  /** The built-in handler as a zip; entry times fixed, so the same worker makes the same zip. */
  private static byte[] zip(Family family) {
    try (InputStream in = FunctionCode.class.getResourceAsStream(family.resource())) {
      if (in == null) {
        throw new IllegalStateException("the worker lacks its template " + family.resource());
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        ZipEntry entry = new ZipEntry(family.entry());
        entry.setTime(315_532_800_000L); // 1980-01-01, the earliest time a zip can hold
        zip.putNextEntry(entry);
        in.transferTo(zip);
        zip.closeEntry();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
