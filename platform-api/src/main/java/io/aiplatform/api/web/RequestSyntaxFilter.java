package io.aiplatform.api.web;

import io.aiplatform.api.FieldViolation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests that cannot be read as written, before anything else reads them: a path or query
 * string with bad percent-encoding or bytes that are not storable UTF-8 (Tomcat and Spring would
 * otherwise decode them leniently or fail with a 500), an {@code Authorization} or {@code
 * Idempotency-Key} header sent twice (the first would silently win), and an {@code Idempotency-Key}
 * that is not printable ASCII. Runs after the audit filter, so these refusals are audited too.
 */
public class RequestSyntaxFilter extends OncePerRequestFilter {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
  private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]{1,255}");
  private static final List<String> SINGLE_HEADERS =
      List.of(HttpHeaders.AUTHORIZATION, IDEMPOTENCY_KEY);

  private final ProblemResponses problems;

  /** A filter that writes its refusals with the given writer. */
  public RequestSyntaxFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!refused(request, response)) {
      chain.doFilter(request, response);
    }
  }

  private boolean refused(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!PercentEncoding.isReadablePath(request.getRequestURI())) {
      return malformed(response, "The request path is not valid percent-encoded UTF-8.");
    }
    if (isFormPost(request)) {
      // Tomcat would parse such a body as parameters on first use; the API accepts JSON only.
      problems.write(
          response,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
          "Request bodies must be application/json.");
      return true;
    }
    PercentEncoding.Query query = PercentEncoding.query(request.getQueryString());
    if (query.malformed() != null) {
      return malformed(response, query.malformed());
    }
    List<FieldViolation> violations = new ArrayList<>(query.violations());
    checkHeaders(request, violations);
    if (!violations.isEmpty()) {
      problems.invalid(response, violations);
      return true;
    }
    return !parametersReadable(request)
        && malformed(response, "The query string cannot be read as parameters.");
  }

  private static void checkHeaders(HttpServletRequest request, List<FieldViolation> violations) {
    for (String name : SINGLE_HEADERS) {
      if (Collections.list(request.getHeaders(name)).size() > 1) {
        violations.add(new FieldViolation(name, "must be sent at most once"));
      }
    }
    String key = request.getHeader(IDEMPOTENCY_KEY);
    if (key != null && (key.isBlank() || !PRINTABLE_ASCII.matcher(key).matches())) {
      violations.add(
          new FieldViolation(IDEMPOTENCY_KEY, "must be 1 to 255 printable ASCII characters"));
    }
  }

  private static boolean isFormPost(HttpServletRequest request) {
    String contentType = request.getContentType();
    return "POST".equalsIgnoreCase(request.getMethod())
        && contentType != null
        && contentType.regionMatches(true, 0, FORM, 0, FORM.length());
  }

  /**
   * Tomcat parses parameters on first use and throws on what it cannot decode (an empty name, too
   * many parameters): parse them here, where the failure is a 400 rather than a 500.
   */
  private static boolean parametersReadable(HttpServletRequest request) {
    try {
      request.getParameterMap();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean malformed(HttpServletResponse response, String detail) throws IOException {
    problems.write(response, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED, detail);
    return true;
  }
}
