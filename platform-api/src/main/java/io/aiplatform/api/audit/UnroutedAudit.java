package io.aiplatform.api.audit;

import io.aiplatform.api.web.UnroutedRequests;
import java.time.Clock;
import org.apache.catalina.connector.Request;
import org.springframework.stereotype.Component;

/**
 * Records the {@code /admin} requests Tomcat refused before any filter saw them (an undecodable
 * URI, a bad header): they are kept like the records of an outage and written within a second.
 */
@Component
class UnroutedAudit implements UnroutedRequests {

  private final AuditTrail trail;
  private final Clock clock;

  UnroutedAudit(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  public void refused(Request request) {
    String path = request.getRequestURI();
    if (request.getAttribute(AuditFilter.REQUEST_ID_ATTRIBUTE) != null
        || !AuditedRequest.isAdmin(path)) {
      return; // the audit filter saw it, or it is not an /admin request
    }
    trail.recordUnadmitted(
        AuditedRequest.entry(
            clock.instant(),
            request.getMethod(),
            path,
            null,
            null,
            null,
            request.getResponse().getStatus(),
            AuditedRequest.requestId(request.getHeader(AuditFilter.REQUEST_ID)),
            request.getRemoteAddr()));
  }
}
