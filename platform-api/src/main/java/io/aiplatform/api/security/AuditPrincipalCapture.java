package io.aiplatform.api.security;

import io.aiplatform.api.audit.AuditFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated caller to the audit filter, which runs outside the security chain and so
 * no longer sees the security context once the chain returns.
 */
class AuditPrincipalCapture extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SecurityContextHolder.getContext().getAuthentication()
        instanceof JwtAuthenticationToken t) {
      request.setAttribute(AuditFilter.SUBJECT, t.getToken().getSubject());
      request.setAttribute(AuditFilter.CLIENT_ID, t.getToken().getClaimAsString("client_id"));
    }
    chain.doFilter(request, response);
  }
}
