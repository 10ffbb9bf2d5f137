package io.aiplatform.api.audit;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the audit filter outside Spring Security's filter chain so it sees every refusal. */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

  @Bean
  FilterRegistrationBean<AuditFilter> auditFilter(AuditLog auditLog) {
    var registration = new FilterRegistrationBean<>(new AuditFilter(auditLog));
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20);
    return registration;
  }
}
