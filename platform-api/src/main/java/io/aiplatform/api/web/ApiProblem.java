package io.aiplatform.api.web;

import io.aiplatform.api.FieldViolation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the API refuses, answered as an RFC 9457 problem with a stable {@code type}.
 *
 * <p>Thrown from controllers and services; {@link ApiExceptionHandler} renders it.
 */
public final class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final String title;
  private final List<FieldViolation> violations;
  private final Map<String, Object> properties;

  private ApiProblem(
      HttpStatus status, String type, String title, String detail, List<FieldViolation> errors) {
    this(status, type, title, detail, errors, Map.of());
  }

  private ApiProblem(
      HttpStatus status,
      String type,
      String title,
      String detail,
      List<FieldViolation> errors,
      Map<String, Object> properties) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.violations = List.copyOf(errors);
    this.properties = Map.copyOf(properties);
  }

  /** The same problem with more members in its body. */
  ApiProblem with(Map<String, Object> members) {
    return new ApiProblem(status, type, title, getMessage(), violations, members);
  }

  /** Any problem of a stable type; for {@link RefusalProblems}. */
  static ApiProblem of(
      HttpStatus status, String type, String title, String detail, List<FieldViolation> errors) {
    return new ApiProblem(status, type, title, detail, errors);
  }

  /** 400: the request names bad fields. */
  public static ApiProblem validation(List<FieldViolation> violations) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.VALIDATION,
        "Invalid request",
        "The request has invalid fields; see errors.",
        violations);
  }

  /** 404: no such resource. */
  public static ApiProblem notFound(String detail) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", detail, List.of());
  }

  /** 409: a system of that name exists. */
  public static ApiProblem duplicateName(String detail) {
    return new ApiProblem(
        HttpStatus.CONFLICT,
        ProblemTypes.DUPLICATE_NAME,
        "Duplicate system name",
        detail,
        List.of());
  }

  /** 409: the system's state does not allow the operation. */
  public static ApiProblem invalidState(String detail) {
    return new ApiProblem(
        HttpStatus.CONFLICT,
        ProblemTypes.INVALID_STATE,
        "Operation not allowed",
        detail,
        List.of());
  }

  /** 422: an idempotency key was reused for a different request. */
  public static ApiProblem idempotencyKeyReused(String detail) {
    return new ApiProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        ProblemTypes.IDEMPOTENCY_KEY_REUSED,
        "Idempotency key reused",
        detail,
        List.of());
  }

  /** The problem body. */
  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setType(URI.create(type));
    problem.setTitle(title);
    if (!violations.isEmpty()) {
      problem.setProperty("errors", violations);
    }
    properties.forEach(problem::setProperty);
    return problem;
  }

  /** The HTTP status. */
  public HttpStatus status() {
    return status;
  }
}
