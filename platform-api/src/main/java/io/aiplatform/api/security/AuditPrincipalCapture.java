package io.aiplatform.api.security;

import io.aiplatform.api.FieldViolation;
import io.aiplatform.api.Storable;
import io.aiplatform.api.audit.AuditFilter;
import io.aiplatform.api.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated caller to the audit filter, which runs outside the security chain and so
 * no longer sees the security context once the chain returns. A token whose {@code sub} cannot be
 * stored (a NUL, an unpaired surrogate) is refused with 400 here: the subject is written to the
 * audit log, the system record and the job on SQS.
 */
class AuditPrincipalCapture extends OncePerRequestFilter {

  private final ProblemResponses problems;

  AuditPrincipalCapture(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SecurityContextHolder.getContext().getAuthentication()
        instanceof JwtAuthenticationToken t) {
      Jwt token = t.getToken();
      request.setAttribute(AuditFilter.SUBJECT, Storable.escape(token.getSubject()));
      request.setAttribute(
          AuditFilter.CLIENT_ID, Storable.escape(token.getClaimAsString("client_id")));
      Optional<String> problem = Storable.textProblem(token.getSubject());
      if (problem.isPresent()) {
        problems.invalid(
            response,
            List.of(
                new FieldViolation(
                    HttpHeaders.AUTHORIZATION, "the token's sub claim " + problem.get())));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
