package io.aiplatform.enrichment.consumer;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.KinesisClientUtil;

/**
 * The asynchronous clients KCL runs on: Kinesis for reading, DynamoDB for leases and checkpoints,
 * CloudWatch for KCL's own metrics (only used when those are on).
 */
record KclClients(
    KinesisAsyncClient kinesis, DynamoDbAsyncClient dynamo, CloudWatchAsyncClient cloudWatch)
    implements AutoCloseable {

  /**
   * Builds the clients, each passed through {@code configure} for region, credentials and endpoint.
   *
   * @param http1 whether Kinesis must use HTTP/1.1: emulators do not speak the HTTP/2 that KCL
   *     otherwise uses (and that enhanced fan-out requires)
   */
  static KclClients build(Configurer configure, boolean http1) {
    KinesisAsyncClient kinesis =
        http1
            ? configure
                .apply(KinesisAsyncClient.builder())
                .httpClientBuilder(
                    NettyNioAsyncHttpClient.builder()
                        .protocol(Protocol.HTTP1_1)
                        .maxConcurrency(Integer.MAX_VALUE))
                .build()
            : KinesisClientUtil.createKinesisAsyncClient(
                configure.apply(KinesisAsyncClient.builder()));
    return new KclClients(
        kinesis,
        configure.apply(DynamoDbAsyncClient.builder()).build(),
        configure.apply(CloudWatchAsyncClient.builder()).build());
  }

  @Override
  public void close() {
    kinesis.close();
    dynamo.close();
    cloudWatch.close();
  }

  /** Applies shared settings (region, credentials, endpoint) to any client builder. */
  interface Configurer {
    <B extends AwsClientBuilder<B, ?>> B apply(B builder);
  }
}
