package io.aiplatform.api.security;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.audit.AuditFilter;
import io.aiplatform.api.web.ProblemResponses;
import io.aiplatform.api.web.ProblemTypes;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The API is an OAuth2 resource server: {@code /admin} needs a bearer token with the read scope for
 * GET and the write scope for everything else. Docs, probes and metrics are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  private static final String[] OPEN = {
    "/v3/api-docs/**",
    "/swagger-ui/**",
    "/swagger-ui.html",
    "/actuator/health/**",
    "/actuator/info",
    "/actuator/prometheus",
    "/error"
  };

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, ApiProperties properties, JwtDecoder decoder, ProblemResponses problems)
      throws Exception {
    String read = "SCOPE_" + properties.security().readScope();
    String write = "SCOPE_" + properties.security().writeScope();
    http.csrf(csrf -> csrf.disable())
        .addFilter(corsFilter(properties))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(OPEN)
                    .permitAll()
                    .requestMatchers(HttpMethod.OPTIONS, "/admin/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/admin/**")
                    .hasAuthority(read)
                    .requestMatchers("/admin/**")
                    .hasAuthority(write)
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.decoder(decoder))
                    .authenticationEntryPoint(unauthorized(problems))
                    .accessDeniedHandler(forbidden(problems)))
        .addFilterAfter(new AuditPrincipalCapture(problems), BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  /** 401 with the standard {@code WWW-Authenticate} header and a problem body. */
  private static AuthenticationEntryPoint unauthorized(ProblemResponses problems) {
    var bearer = new BearerTokenAuthenticationEntryPoint();
    return (request, response, e) -> {
      bearer.commence(request, response, e);
      problems.write(
          response,
          HttpStatus.UNAUTHORIZED,
          ProblemTypes.UNAUTHORIZED,
          "A valid bearer token is required.");
    };
  }

  /** 403 with the standard {@code WWW-Authenticate} header and a problem body. */
  private static AccessDeniedHandler forbidden(ProblemResponses problems) {
    var bearer = new BearerTokenAccessDeniedHandler();
    return (request, response, e) -> {
      bearer.handle(request, response, e);
      problems.write(
          response,
          HttpStatus.FORBIDDEN,
          ProblemTypes.FORBIDDEN,
          "The token lacks the scope this operation needs.");
    };
  }

  /** Spring's CORS filter, refusing a foreign origin with a problem body. */
  private static CorsFilter corsFilter(ApiProperties properties) {
    CorsFilter filter = new CorsFilter(cors(properties));
    filter.setCorsProcessor(new ProblemCorsProcessor());
    return filter;
  }

  private static CorsConfigurationSource cors(ApiProperties properties) {
    var config = new CorsConfiguration();
    config.setAllowedOrigins(properties.corsAllowedOrigins());
    config.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE", "OPTIONS"));
    config.setAllowedHeaders(
        List.of(
            "Authorization",
            "Content-Type",
            "Idempotency-Key",
            "If-Match",
            AuditFilter.REQUEST_ID));
    config.setExposedHeaders(List.of("Location", "ETag", AuditFilter.REQUEST_ID));
    config.setMaxAge(3600L);
    var source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/admin/**", config);
    return source;
  }
}
