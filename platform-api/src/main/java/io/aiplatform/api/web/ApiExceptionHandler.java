package io.aiplatform.api.web;

import io.aiplatform.api.FieldViolation;
import io.aiplatform.api.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem with a stable {@code type}; never a stack trace,
 * class name or SQL statement.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    var response = ResponseEntity.status(problem.status());
    if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      response.header(HttpHeaders.RETRY_AFTER, ProblemResponses.RETRY_AFTER_SECONDS);
    }
    return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.toProblemDetail());
  }

  /** What the domain refuses, as the problem of its reason. */
  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> refused(Refusal refusal) {
    return apiProblem(RefusalProblems.of(refusal));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException ex) {
    return apiProblem(
        ApiProblem.validation(List.of(new FieldViolation(ex.getName(), "has an invalid value"))));
  }

  /**
   * Anything else. A database that cannot be reached (no connection within the pool's connection
   * timeout, a connection broken mid-request, a server shutting down) is answered at once with 503
   * so that clients and load balancers back off and retry; only what is left is our fault (500).
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
    if (DatabaseFaults.isUnavailable(ex)) {
      request.setAttribute(DatabaseFaults.UNAVAILABLE, Boolean.TRUE);
      log.warn("Database unavailable; answering 503: {}", ex.getMessage());
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE, ProblemResponses.UNAVAILABLE_DETAIL);
      problem.setType(URI.create(ProblemTypes.UNAVAILABLE));
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, ProblemResponses.RETRY_AFTER_SECONDS)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    log.error("Unexpected failure", ex);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
    problem.setType(URI.create(ProblemTypes.INTERNAL));
    return ResponseEntity.internalServerError()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (JsonProblems.bodyTooLarge(ex)) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, BodyTooLargeException.DETAIL);
    }
    FieldViolation violation = JsonProblems.violation(ex);
    if (violation != null) {
      ApiProblem problem = ApiProblem.validation(List.of(violation));
      return ResponseEntity.status(problem.status())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem.toProblemDetail());
    }
    return problem(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON.");
  }

  /**
   * Every standard refusal (404, 405, 415, ...) gets its stable type, and is problem+json whatever
   * the request accepts: a preset content type skips the negotiation that would otherwise leave a
   * 406 without a body.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    HttpHeaders problemHeaders = new HttpHeaders();
    problemHeaders.addAll(headers);
    if (body instanceof ProblemDetail problem) {
      if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
        problem.setType(URI.create(ProblemTypes.forStatus(status.value())));
      }
      problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    return super.createResponseEntity(body, problemHeaders, status, request);
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(ProblemTypes.forStatus(status.value())));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
