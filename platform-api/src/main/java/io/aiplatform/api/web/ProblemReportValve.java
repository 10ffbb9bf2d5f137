package io.aiplatform.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on a request, in place of its HTML error report: what the HTTP server refuses
 * before any filter runs (a request line, header or URI it cannot parse) and any error left without
 * a body is answered with a problem detail like every other refusal. Such requests never reach the
 * audit filter, so they are handed to {@code unrouted} to be recorded.
 */
final class ProblemReportValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

  private final Consumer<Request> unrouted;

  ProblemReportValve(Consumer<Request> unrouted) {
    this.unrouted = unrouted;
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    if (response.getStatus() < 400
        || response.getContentWritten() > 0
        || !response.setErrorReported()) {
      return;
    }
    int status = fromInput(request.getMethod(), response.getStatus());
    response.setStatus(status);
    try {
      unrouted.accept(request);
    } catch (RuntimeException e) {
      log.warn("Could not record a request refused by the HTTP server", e);
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body(status));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response cannot be written any more: nothing left to tell.
    }
  }

  /**
   * Tomcat answers 501 to {@code CONNECT} and to a transfer coding it does not know, and 505 to an
   * HTTP version it does not speak: refusals of what the client sent, so 405 and 400 like every
   * other (no 5xx ever comes from input).
   */
  static int fromInput(String method, int status) {
    if (status == 501 && "CONNECT".equalsIgnoreCase(method)) {
      return 405;
    }
    return status == 501 || status == 505 ? 400 : status;
  }

  /** No part of the request is echoed, so the body needs no escaping. */
  static String body(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String detail =
        status >= 500
            ? "An unexpected error occurred."
            : "The request cannot be read: " + title + ".";
    return """
        {"type":"%s","title":"%s","status":%d,"detail":"%s"}"""
        .formatted(ProblemTypes.forStatus(status), title, status, detail);
  }
}
