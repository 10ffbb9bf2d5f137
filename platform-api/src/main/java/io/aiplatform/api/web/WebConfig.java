package io.aiplatform.api.web;

import io.aiplatform.api.ApiProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Servlet filters that run before security, and the OpenAPI document's header. */
@Configuration(proxyBeanMethods = false)
class WebConfig {

  /** Runs after the audit filter, so its refusals are audited, and before anything reads. */
  static final int SYNTAX_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 15;

  /** Runs just before Spring Security, after the audit filter, so 413s are audited. */
  static final int BODY_LIMIT_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10;

  @Bean
  FilterRegistrationBean<RequestSyntaxFilter> requestSyntaxFilter(ProblemResponses problems) {
    var registration = new FilterRegistrationBean<>(new RequestSyntaxFilter(problems));
    registration.setOrder(SYNTAX_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
      ApiProperties properties, ProblemResponses problems) {
    var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(properties, problems));
    registration.setOrder(BODY_LIMIT_ORDER);
    return registration;
  }

  @Bean
  OpenAPI platformOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("AI platform control plane")
                .version("1")
                .description("Register AI systems and follow the provisioning of their resources."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
