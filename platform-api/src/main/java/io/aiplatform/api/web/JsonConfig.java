package io.aiplatform.api.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Bad types are refused rather than coerced: {@code "system_name": 42} is not the name "42", and
 * {@code "memory": "2048"} is not a number.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

  @Bean
  JsonMapperBuilderCustomizer strictScalars() {
    return builder ->
        builder
            .withCoercionConfig(
                LogicalType.Textual,
                c ->
                    c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Integer,
                c ->
                    c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Boolean,
                c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
  }
}
