package io.aiplatform.worker.resources;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the worker talks to AWS itself or to an emulator ({@code SPRING_CLOUD_AWS_ENDPOINT}
 * outside {@code *.amazonaws.com}), which decides what of an answer the worker can rely on: moto
 * does not return a bucket's EventBridge switch, so there its absence says nothing.
 */
@Component
class AwsEndpoint {

  private final boolean emulator;

  AwsEndpoint(@Value("${spring.cloud.aws.endpoint:}") String endpoint) {
    this.emulator = AwsClientsConfiguration.outsideAws(endpoint);
  }

  boolean emulator() {
    return emulator;
  }
}
