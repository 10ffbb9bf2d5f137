package io.aiplatform.api.web;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal into an RFC 9457 problem with a stable {@code type}; never a stack trace,
 * class name or SQL statement.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** A registration takes milliseconds; a second later the pool has usually drained. */
  private static final String RETRY_AFTER_SECONDS = "1";

  private static final Map<Integer, String> TYPES =
      Map.of(
          400, ProblemTypes.MALFORMED,
          404, ProblemTypes.NOT_FOUND,
          405, ProblemTypes.METHOD_NOT_ALLOWED,
          406, ProblemTypes.NOT_ACCEPTABLE,
          413, ProblemTypes.PAYLOAD_TOO_LARGE,
          415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException ex) {
    return apiProblem(
        ApiProblem.validation(List.of(new FieldViolation(ex.getName(), "has an invalid value"))));
  }

  /**
   * No database connection became free within the pool's connection timeout: the API is saturated
   * (or the database unreachable). Answer at once with 503 so that clients and load balancers back
   * off and retry, instead of holding the request until a long timeout and answering 500.
   */
  @ExceptionHandler({
    CannotCreateTransactionException.class,
    CannotGetJdbcConnectionException.class
  })
  ResponseEntity<ProblemDetail> noConnection(Exception ex) {
    if (!causedBy(ex, SQLTransientConnectionException.class)) {
      return unexpected(ex);
    }
    log.warn("No database connection available in time; answering 503: {}", ex.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "The service is busy; retry in a moment.");
    problem.setType(URI.create(ProblemTypes.UNAVAILABLE));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    log.error("Unexpected failure", ex);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
    problem.setType(URI.create(ProblemTypes.INTERNAL));
    return ResponseEntity.internalServerError().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (causedBy(ex, BodyTooLargeException.class)) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, BodyTooLargeException.DETAIL);
    }
    if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
      return violation(unknown, "is not a known field");
    }
    if (ex.getCause() instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      return violation(mismatch, "must be " + JsonTypes.describe(mismatch.getTargetType()));
    }
    return problem(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON.");
  }

  /** Every standard refusal (404, 405, 415, ...) gets its stable type. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(URI.create(TYPES.getOrDefault(status.value(), ProblemTypes.MALFORMED)));
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  private ResponseEntity<Object> violation(JacksonException ex, String message) {
    FieldViolation violation = new FieldViolation(JsonTypes.path(ex.getPath()), message);
    ApiProblem problem = ApiProblem.validation(List.of(violation));
    return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES.get(status.value())));
    return ResponseEntity.status(status).body(problem);
  }

  private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
