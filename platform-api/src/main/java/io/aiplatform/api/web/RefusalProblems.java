package io.aiplatform.api.web;

import io.aiplatform.api.FieldViolation;
import io.aiplatform.api.Refusal;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Each reason the domain refuses for, as the problem the API answers with. */
final class RefusalProblems {

  private RefusalProblems() {}

  static ApiProblem of(Refusal refusal) {
    List<FieldViolation> errors = refusal.violations();
    String detail = refusal.getMessage();
    return switch (refusal.reason()) {
      case INVALID -> ApiProblem.validation(errors);
      case UNREADABLE -> unreadable(refusal);
      case NOT_FOUND -> ApiProblem.notFound(detail);
      case INVALID_STATE -> ApiProblem.invalidState(detail);
      case NAME_TAKEN ->
          problem(
              HttpStatus.CONFLICT, ProblemTypes.DUPLICATE_NAME, "Duplicate system name", refusal);
      case ROUTE_TAKEN ->
          problem(HttpStatus.CONFLICT, ProblemTypes.ROUTE_TAKEN, "Route taken", refusal);
      case VERSION_REQUIRED ->
          problem(
              HttpStatus.PRECONDITION_REQUIRED,
              ProblemTypes.PRECONDITION_REQUIRED,
              "If-Match required",
              refusal);
      case STALE_VERSION ->
          problem(
              HttpStatus.PRECONDITION_FAILED,
              ProblemTypes.PRECONDITION_FAILED,
              "Stale version",
              refusal);
      case KEY_REUSED -> ApiProblem.idempotencyKeyReused(detail);
      case PRECONDITION_FAILED ->
          ApiProblem.of(
                  HttpStatus.CONFLICT,
                  ProblemTypes.PRECONDITION_FAILED,
                  "Pre-checks failed",
                  detail,
                  errors)
              .with(refusal.properties());
      case UNAVAILABLE ->
          ApiProblem.of(
              HttpStatus.SERVICE_UNAVAILABLE,
              ProblemTypes.UNAVAILABLE,
              "Service Unavailable",
              detail,
              errors);
    };
  }

  /** A value read into a field of the wrong type: 400 naming the field, as a bad body is. */
  private static ApiProblem unreadable(Refusal refusal) {
    FieldViolation violation = JsonProblems.violation(refusal.getCause());
    return ApiProblem.validation(
        List.of(violation == null ? new FieldViolation("(body)", "cannot be read") : violation));
  }

  private static ApiProblem problem(HttpStatus status, String type, String title, Refusal r) {
    return ApiProblem.of(status, type, title, r.getMessage(), r.violations());
  }
}
