package io.aiplatform.enrichment.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Clients pointed at moto_server, and the resources the benchmarks create in it. */
final class Moto {

  static final String REGION = "us-east-1";

  private final String endpoint;

  Moto(String endpoint) {
    this.endpoint = endpoint;
  }

  String endpoint() {
    return endpoint;
  }

  /** A client builder aimed at moto with test credentials and the given interceptors. */
  <B extends AwsClientBuilder<B, ?>> B configure(B builder, ExecutionInterceptor... interceptors) {
    return builder
        .endpointOverride(URI.create(endpoint))
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(o -> o.executionInterceptors(List.of(interceptors)));
  }

  S3Client s3() {
    return configure(S3Client.builder()).forcePathStyle(true).build();
  }

  /**
   * A reference table keyed by {@code productId} holding products {@code 0..products-1}, written
   * with BatchWriteItem (25 items a call) from a few threads.
   */
  void createReferenceTable(DynamoDbClient dynamo, String table, int products) throws Exception {
    dynamo.createTable(
        b ->
            b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("productId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("productId").keyType(KeyType.HASH)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int from = 0; from < products; from += 25) {
        int first = from;
        writes.add(pool.submit(() -> write(dynamo, table, first, Math.min(products, first + 25))));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void write(DynamoDbClient dynamo, String table, int from, int to) {
    List<WriteRequest> requests = new ArrayList<>();
    for (int n = from; n < to; n++) {
      String id = Events.productId(n);
      requests.add(
          WriteRequest.builder().putRequest(p -> p.item(InMemoryReferenceTable.item(id))).build());
    }
    Map<String, List<WriteRequest>> pending = Map.of(table, requests);
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> items = pending;
      pending = dynamo.batchWriteItem(b -> b.requestItems(items)).unprocessedItems();
    }
  }

  /** A bucket and a delivery stream that writes to it. */
  void createDeliveryStream(FirehoseClient firehose, S3Client s3, String stream, String bucket) {
    s3.createBucket(b -> b.bucket(bucket));
    firehose.createDeliveryStream(
        b ->
            b.deliveryStreamName(stream)
                .extendedS3DestinationConfiguration(
                    d ->
                        d.bucketARN("arn:aws:s3:::" + bucket)
                            .roleARN("arn:aws:iam::123456789012:role/firehose")
                            .prefix("data/")));
  }

  /** How many lines the objects in {@code bucket} hold. */
  long lines(S3Client s3, String bucket) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .mapToLong(
            o ->
                s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key()))
                    .asUtf8String()
                    .lines()
                    .filter(line -> !line.isBlank())
                    .count())
        .sum();
  }
}
