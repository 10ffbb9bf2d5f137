package io.aiplatform.api.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request under {@code /admin}, refused ones included. It wraps the security filter
 * chain, so 401s and 403s written there are seen too.
 */
public class AuditFilter extends OncePerRequestFilter {

  /** The header carrying the request id; taken from the caller when sent, else generated. */
  public static final String REQUEST_ID = "X-Request-Id";

  /** Request attribute with the authenticated subject, set inside the security chain. */
  public static final String SUBJECT = AuditFilter.class.getName() + ".subject";

  /** Request attribute with the token's client id, set inside the security chain. */
  public static final String CLIENT_ID = AuditFilter.class.getName() + ".clientId";

  private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
  private static final Pattern SYSTEM_ID =
      Pattern.compile("/admin/systems/([0-9a-fA-F-]{36})(?:/.*)?");
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final AuditLog auditLog;

  AuditFilter(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/admin");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestId = requestId(request);
    response.setHeader(REQUEST_ID, requestId);
    try {
      chain.doFilter(request, response);
    } finally {
      record(request, response, requestId);
    }
  }

  private void record(HttpServletRequest request, HttpServletResponse response, String requestId) {
    try {
      auditLog.append(
          new AuditEntry(
              null,
              Instant.now(),
              (String) request.getAttribute(SUBJECT),
              (String) request.getAttribute(CLIENT_ID),
              request.getMethod(),
              request.getRequestURI(),
              systemId(request.getRequestURI(), response.getHeader("Location")),
              response.getStatus(),
              requestId,
              request.getRemoteAddr()));
    } catch (RuntimeException e) {
      log.error("Could not write the audit record of request {}", requestId, e);
    }
  }

  private static String requestId(HttpServletRequest request) {
    String sent = request.getHeader(REQUEST_ID);
    return sent != null && SAFE_REQUEST_ID.matcher(sent).matches()
        ? sent
        : UUID.randomUUID().toString();
  }

  /** From the path, or from the Location of a registration. */
  static UUID systemId(String path, String location) {
    for (String candidate : new String[] {path, location}) {
      if (candidate != null) {
        Matcher m = SYSTEM_ID.matcher(candidate);
        if (m.matches()) {
          try {
            return UUID.fromString(m.group(1));
          } catch (IllegalArgumentException e) {
            return null;
          }
        }
      }
    }
    return null;
  }
}
