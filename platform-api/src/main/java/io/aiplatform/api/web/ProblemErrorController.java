package io.aiplatform.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page ({@code /error}), which replaces Boot's {@code {"timestamp", ...}} body: a refusal
 * made outside Spring MVC with {@code sendError} (a filter, Tomcat) or an exception that escaped a
 * filter is answered with the same problem details as every other refusal. It writes the body
 * itself, whatever the request accepts, so that rendering the error cannot fail in turn.
 */
@Controller
class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  private final ProblemResponses problems;

  ProblemErrorController(ProblemResponses problems) {
    this.problems = problems;
  }

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
      if (DatabaseFaults.isUnavailable(failure)) {
        request.setAttribute(DatabaseFaults.UNAVAILABLE, Boolean.TRUE);
        problems.unavailable(response);
        return;
      }
      log.error("Unexpected failure outside the controllers", failure);
    }
    HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    problems.write(response, status, ProblemTypes.forStatus(status.value()), detail(status));
  }

  private static HttpStatus status(Object code) {
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static String detail(HttpStatus status) {
    return status.is5xxServerError()
        ? "An unexpected error occurred."
        : "The request was refused: " + status.getReasonPhrase() + ".";
  }
}
