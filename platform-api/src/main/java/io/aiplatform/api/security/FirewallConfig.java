package io.aiplatform.api.security;

import io.aiplatform.api.web.ProblemResponses;
import io.aiplatform.api.web.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's firewall, with its refusals answered as problem details. It refuses what could
 * be read two ways (encoded slashes, {@code ;}, {@code ..}, {@code //}, control characters in
 * headers) with 400 {@code malformed-request}.
 */
@Configuration(proxyBeanMethods = false)
class FirewallConfig {

  private static final Logger log = LoggerFactory.getLogger(FirewallConfig.class);

  /**
   * Any method passes the firewall, so that one the API does not serve ({@code PROPFIND}) is
   * answered 405 by Spring MVC rather than 400. That is safe here: every rule in {@link
   * SecurityConfig} other than the GET one needs the write scope, whatever the method.
   */
  @Bean
  HttpFirewall httpFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setUnsafeAllowAnyHttpMethod(true);
    return firewall;
  }

  @Bean
  RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
    return (request, response, rejected) -> {
      log.debug("Request refused by the firewall: {}", rejected.getMessage());
      problems.write(
          response,
          HttpStatus.BAD_REQUEST,
          ProblemTypes.MALFORMED,
          "The request cannot be read unambiguously (its path or a header holds characters the"
              + " API refuses).");
    };
  }
}
