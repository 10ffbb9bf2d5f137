package io.aiplatform.api.audit;

import io.aiplatform.api.web.ProblemResponses;
import java.time.Clock;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the audit filter outside Spring Security's filter chain so it sees every refusal. */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

  @Bean
  FilterRegistrationBean<AuditFilter> auditFilter(
      AuditTrail trail, ProblemResponses problems, Clock clock) {
    var registration = new FilterRegistrationBean<>(new AuditFilter(trail, problems, clock));
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20);
    return registration;
  }
}
