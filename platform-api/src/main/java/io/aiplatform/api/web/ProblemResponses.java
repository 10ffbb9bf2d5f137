package io.aiplatform.api.web;

import io.aiplatform.api.FieldViolation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details from servlet filters and the error page, which answer before or outside
 * Spring MVC's message converters (security refusals, oversized bodies, unreadable requests).
 */
@Component
public class ProblemResponses {

  /** What a 503 {@code unavailable} says. */
  public static final String UNAVAILABLE_DETAIL = "The service is busy; retry in a moment.";

  /** A registration takes milliseconds; a second later the pool has usually drained. */
  public static final String RETRY_AFTER_SECONDS = "1";

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  /** Writes an {@code application/problem+json} body with the given status, type and detail. */
  public void write(HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    write(response, status, type, detail, List.of());
  }

  /** 400 {@code validation} naming the bad fields (query parameters, headers, claims). */
  public void invalid(HttpServletResponse response, List<FieldViolation> violations)
      throws IOException {
    write(
        response,
        HttpStatus.BAD_REQUEST,
        ProblemTypes.VALIDATION,
        "The request has invalid fields; see errors.",
        violations);
  }

  /** 503 {@code unavailable} with {@code Retry-After}. */
  public void unavailable(HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    write(response, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, UNAVAILABLE_DETAIL);
  }

  private void write(
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String detail,
      List<FieldViolation> violations)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put(
        "title",
        ProblemTypes.VALIDATION.equals(type) ? "Invalid request" : status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    if (!violations.isEmpty()) {
      body.put("errors", violations);
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }
}
