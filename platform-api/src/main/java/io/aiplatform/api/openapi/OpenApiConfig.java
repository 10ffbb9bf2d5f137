package io.aiplatform.api.openapi;

import io.aiplatform.api.ApiProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the generated OpenAPI document say what the API really does: statuses and headers, problem
 * responses, required fields and limits, and the scope each operation needs. Kept apart from the
 * controllers so that the document's rules live in one place; {@code
 * OpenApiContractIntegrationTests} holds the running API to it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  @Bean
  OpenApiCustomizer platformContract(ApiProperties properties) {
    return openApi -> {
      new SchemaRules(properties).apply(openApi);
      new OperationRules(properties).apply(openApi);
      DriftRules.apply(openApi, properties.security().writeScope());
      new ChangeRules(properties).apply(openApi);
      DryRunRules.apply(openApi);
    };
  }
}
