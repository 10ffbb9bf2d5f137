package io.aiplatform.api.audit;

import io.aiplatform.api.web.DatabaseFaults;
import io.aiplatform.api.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request under {@code /admin}, refused ones included. It wraps the security filter
 * chain, so 401s and 403s written there are seen too. Room for the record is reserved before the
 * request is served ({@link AuditTrail}); without room the request is refused with 503.
 */
public class AuditFilter extends OncePerRequestFilter {

  /** The header carrying the request id; taken from the caller when sent, else generated. */
  public static final String REQUEST_ID = "X-Request-Id";

  /** Request attribute with the authenticated subject, set inside the security chain. */
  public static final String SUBJECT = AuditFilter.class.getName() + ".subject";

  /** Request attribute with the token's client id, set inside the security chain. */
  public static final String CLIENT_ID = AuditFilter.class.getName() + ".clientId";

  /** Request attribute with the request's id, set when the filter starts. */
  static final String REQUEST_ID_ATTRIBUTE = AuditFilter.class.getName() + ".requestId";

  /** Request attribute set once the record was written with the request's change. */
  static final String AUDITED = AuditFilter.class.getName() + ".audited";

  private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

  private final AuditTrail trail;
  private final ProblemResponses problems;
  private final Clock clock;

  AuditFilter(AuditTrail trail, ProblemResponses problems, Clock clock) {
    this.trail = trail;
    this.problems = problems;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !AuditedRequest.isAdmin(request.getRequestURI())
        && !AuditedRequest.isAdmin(request.getServletPath());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestId = AuditedRequest.requestId(request);
    response.setHeader(REQUEST_ID, requestId);
    if (!trail.admit()) {
      log.atError()
          .addKeyValue("audit", request.getMethod() + " " + request.getRequestURI())
          .log("Refused {} with 503: no room left to keep its audit record", requestId);
      problems.unavailable(response);
      return;
    }
    request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
    Throwable failure = null;
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      finish(request, response, failure);
    }
  }

  private void finish(HttpServletRequest request, HttpServletResponse response, Throwable failure) {
    if (Boolean.TRUE.equals(request.getAttribute(AUDITED))) {
      trail.release();
      return;
    }
    boolean unavailable =
        Boolean.TRUE.equals(request.getAttribute(DatabaseFaults.UNAVAILABLE))
            || (failure != null && DatabaseFaults.isUnavailable(failure));
    int status = failure == null ? response.getStatus() : unavailable ? 503 : 500;
    trail.record(
        AuditedRequest.entry(
            request,
            clock.instant(),
            status,
            AuditedRequest.systemId(request.getRequestURI(), response.getHeader("Location"))),
        unavailable);
  }
}
