package io.aiplatform.worker.resources;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * For creates that AWS does not refuse when they are sent again (CreateIntegration makes a second
 * integration; an emulator also takes a second route or permission of the same key): the SDK must
 * not retry them after a lost answer. The failure reaches the run instead, which looks for what the
 * call made before it tries anything else.
 */
final class Once {

  private Once() {}

  static void configure(AwsRequestOverrideConfiguration.Builder override) {
    override.addPlugin(
        config ->
            config.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())));
  }
}
