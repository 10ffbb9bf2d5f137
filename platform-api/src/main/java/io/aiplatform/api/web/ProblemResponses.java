package io.aiplatform.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details from servlet filters, which answer before Spring MVC's message converters
 * are involved (security refusals, oversized bodies).
 */
@Component
public class ProblemResponses {

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  /** Writes an {@code application/problem+json} body with the given status, type and detail. */
  public void write(HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(type));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("title", problem.getTitle());
    body.put("status", status.value());
    body.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }
}
