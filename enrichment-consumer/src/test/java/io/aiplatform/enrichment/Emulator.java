package io.aiplatform.enrichment;

import io.aiplatform.testsupport.BackingServices;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Clients pointed at the test AWS emulator, and the fixtures the tests build in it. */
public final class Emulator {

  private Emulator() {}

  /** Configures a client builder for the emulator, with optional fault-injecting interceptors. */
  public static <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, ExecutionInterceptor... interceptors) {
    return builder
        .endpointOverride(URI.create(BackingServices.awsEndpoint()))
        .region(Region.of(BackingServices.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    BackingServices.EMULATOR_CREDENTIAL, BackingServices.EMULATOR_CREDENTIAL)))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .executionInterceptors(List.of(interceptors))
                .build());
  }

  /** An S3 client with path-style access, which the emulator needs. */
  public static S3Client s3() {
    return configure(S3Client.builder()).forcePathStyle(true).build();
  }

  /** Creates a reference table keyed by {@code productId}. */
  public static void createReferenceTable(DynamoDbClient dynamo, String table) {
    dynamo.createTable(
        b ->
            b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("productId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("productId").keyType(KeyType.HASH)));
  }

  /** Writes products shaped like seed 002's reference items. */
  public static void putProducts(DynamoDbClient dynamo, String table, List<String> productIds) {
    for (int from = 0; from < productIds.size(); from += 25) {
      List<WriteRequest> writes =
          productIds.subList(from, Math.min(productIds.size(), from + 25)).stream()
              .map(id -> WriteRequest.builder().putRequest(p -> p.item(product(id))).build())
              .toList();
      dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
    }
  }

  /** The reference item the fixtures write for {@code productId}. */
  public static Map<String, AttributeValue> product(String productId) {
    return Map.of(
        "productId", AttributeValue.fromS(productId),
        "productName", AttributeValue.fromS("Name of " + productId),
        "category", AttributeValue.fromS("Electronics"),
        "price", AttributeValue.fromN("99.90"));
  }

  /** Creates a bucket and a delivery stream writing to it under {@code prefix}. */
  public static void createDeliveryStream(
      FirehoseClient firehose, S3Client s3, String stream, String bucket) {
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

  /** Every line of every object the delivery stream wrote to {@code bucket}. */
  public static List<String> lines(S3Client s3, String bucket) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .flatMap(
            o -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asUtf8String().lines())
        .filter(line -> !line.isBlank())
        .toList();
  }
}
