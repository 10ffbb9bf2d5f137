package io.aiplatform.handler;

import java.util.Map;

/**
 * The code a system's Java function starts with, shipped inside the worker and zipped at run time:
 * answers every route with the system's name and the route, so that a new system's endpoints answer
 * at once. It uses nothing beyond the JDK, so the class file alone is a valid function package; the
 * system replaces it with its own.
 */
public final class Handler {

  /** Lambda's Java runtime calls this with the API Gateway event (payload format 2.0). */
  public Map<String, Object> handleRequest(Map<String, Object> event) {
    String body =
        "{\"system\":\"%s\",\"route\":\"%s\"}"
            .formatted(json(System.getenv("SYSTEM_NAME")), json(event.get("routeKey")));
    return Map.of(
        "statusCode", 200, "headers", Map.of("content-type", "application/json"), "body", body);
  }

  private static String json(Object value) {
    return String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
