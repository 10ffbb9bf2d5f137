package io.aiplatform.api.security;

import io.aiplatform.api.web.ProblemTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS checks, with a refused origin answered as a problem detail, not plain text. */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

  private static final byte[] BODY =
      """
      {"type":"%s","title":"Forbidden","status":403,"detail":"The request's origin is not \
      allowed to call the API."}"""
          .formatted(ProblemTypes.FORBIDDEN)
          .getBytes(StandardCharsets.UTF_8);

  @Override
  protected void rejectRequest(ServerHttpResponse response) throws IOException {
    response.setStatusCode(HttpStatus.FORBIDDEN);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getBody().write(BODY);
    response.flush();
  }
}
