package io.aiplatform.api.audit;

import io.aiplatform.api.Storable;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit record of a request. Every value a caller controls is escaped ({@link
 * Storable#escape}), so that writing the record can never fail on what it holds.
 */
final class AuditedRequest {

  private static final Pattern SYSTEM_ID =
      Pattern.compile("/admin/systems/([0-9a-fA-F-]{36})(?:/.*)?");
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private AuditedRequest() {}

  /** The record of a request that ended with the given status. */
  static AuditEntry entry(HttpServletRequest request, Instant at, int status, UUID systemId) {
    return entry(
        at,
        request.getMethod(),
        request.getRequestURI(),
        (String) request.getAttribute(AuditFilter.SUBJECT),
        (String) request.getAttribute(AuditFilter.CLIENT_ID),
        systemId,
        status,
        requestId(request),
        request.getRemoteAddr());
  }

  static AuditEntry entry(
      Instant at,
      String method,
      String path,
      String subject,
      String clientId,
      UUID systemId,
      int status,
      String requestId,
      String sourceAddress) {
    return new AuditEntry(
        null,
        at,
        Storable.escape(subject),
        Storable.escape(clientId),
        Storable.escape(method == null ? "(none)" : method),
        Storable.escape(path == null ? "(none)" : path),
        systemId,
        status,
        requestId,
        Storable.escape(sourceAddress));
  }

  /** The id the audit filter gave the request, else the caller's when well-formed, else new. */
  static String requestId(HttpServletRequest request) {
    if (request.getAttribute(AuditFilter.REQUEST_ID_ATTRIBUTE) instanceof String id) {
      return id;
    }
    return requestId(request.getHeader(AuditFilter.REQUEST_ID));
  }

  static String requestId(String sent) {
    return sent != null && SAFE_REQUEST_ID.matcher(sent).matches()
        ? sent
        : UUID.randomUUID().toString();
  }

  /** Whether a path is under {@code /admin}, however many slashes it starts with. */
  static boolean isAdmin(String path) {
    return path != null && path.replaceFirst("^/+", "/").startsWith("/admin");
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
