package io.aiplatform.e2e;

import io.aiplatform.testsupport.BackingServices;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The names and attributes of one prefix's resources in the emulator, read back through the AWS
 * APIs, with the prefix written as {@code P}: what the services depend on (queue kinds, redrives,
 * timeouts, stream, table keys and indexes, delivery destinations and prefixes, the bucket, the key
 * alias, the roles, the sample products). Encryption settings and tags are not compared: the
 * emulator ignores most of them and the local stack does not set them.
 */
final class FootprintFacts {

  static final List<String> QUEUES =
      List.of(
          "provisioning-jobs.fifo",
          "provisioning-jobs-dlq.fifo",
          "provisioning-results",
          "provisioning-results-dlq",
          "raw-to-curated",
          "raw-to-curated-dlq");
  private static final List<QueueAttributeName> QUEUE_ATTRIBUTES =
      List.of(
          QueueAttributeName.FIFO_QUEUE, QueueAttributeName.CONTENT_BASED_DEDUPLICATION,
          QueueAttributeName.DEDUPLICATION_SCOPE, QueueAttributeName.FIFO_THROUGHPUT_LIMIT,
          QueueAttributeName.VISIBILITY_TIMEOUT,
              QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
          QueueAttributeName.MESSAGE_RETENTION_PERIOD, QueueAttributeName.REDRIVE_POLICY);
  private static final List<String> TABLES =
      List.of(
          "product-reference",
          "enrichment",
          "enrichment-CoordinatorState",
          "enrichment-WorkerMetricStats");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ACCOUNT = "123456789012";

  private FootprintFacts() {}

  /** Every compared fact of the resources under {@code prefix}, by name. */
  static Map<String, String> of(String prefix) {
    Map<String, String> facts = new TreeMap<>();
    try (SqsClient sqs = aws(SqsClient.builder());
        KinesisClient kinesis = aws(KinesisClient.builder());
        DynamoDbClient dynamodb = aws(DynamoDbClient.builder());
        FirehoseClient firehose = aws(FirehoseClient.builder());
        S3Client s3 = aws(S3Client.builder().forcePathStyle(true));
        KmsClient kms = aws(KmsClient.builder());
        IamClient iam = aws(IamClient.builder().region(Region.AWS_GLOBAL))) {
      for (String queue : QUEUES) {
        String url = sqs.getQueueUrl(b -> b.queueName(prefix + "-" + queue)).queueUrl();
        sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QUEUE_ATTRIBUTES))
            .attributes()
            .forEach((name, value) -> facts.put("sqs " + queue + " " + name, redrive(value)));
      }
      var stream =
          kinesis
              .describeStreamSummary(b -> b.streamName(prefix + "-events"))
              .streamDescriptionSummary();
      facts.put("kinesis events shards", String.valueOf(stream.openShardCount()));
      facts.put("kinesis events retention", String.valueOf(stream.retentionPeriodHours()));
      for (String table : TABLES) {
        TableDescription t = dynamodb.describeTable(b -> b.tableName(prefix + "-" + table)).table();
        facts.put("dynamodb " + table + " key", t.keySchema().toString());
        facts.put(
            "dynamodb " + table + " attributes",
            t.attributeDefinitions().stream().map(Object::toString).sorted().toList().toString());
        t.globalSecondaryIndexes()
            .forEach(
                i ->
                    facts.put(
                        "dynamodb " + table + " index " + i.indexName(), i.keySchema().toString()));
      }
      facts.put(
          "dynamodb product-reference items",
          dynamodb.scan(b -> b.tableName(prefix + "-product-reference")).items().stream()
              .map(item -> new TreeMap<>(item).toString())
              .sorted()
              .toList()
              .toString());
      for (String deliveryStream : List.of("enriched-events", "enrichment-errors")) {
        ExtendedS3DestinationDescription s3Destination =
            firehose
                .describeDeliveryStream(b -> b.deliveryStreamName(prefix + "-" + deliveryStream))
                .deliveryStreamDescription()
                .destinations()
                .get(0)
                .extendedS3DestinationDescription();
        facts.put("firehose " + deliveryStream + " bucket", s3Destination.bucketARN());
        facts.put("firehose " + deliveryStream + " prefix", s3Destination.prefix());
        facts.put(
            "firehose " + deliveryStream + " error prefix", s3Destination.errorOutputPrefix());
        facts.put(
            "firehose " + deliveryStream + " compression",
            s3Destination.compressionFormatAsString());
        facts.put(
            "firehose " + deliveryStream + " buffering", s3Destination.bufferingHints().toString());
        facts.put("firehose " + deliveryStream + " role", s3Destination.roleARN());
      }
      String bucket = prefix + "-enriched-data-" + ACCOUNT;
      s3.headBucket(b -> b.bucket(bucket));
      facts.put("s3 data bucket", bucket);
      facts.put(
          "kms alias",
          kms.describeKey(b -> b.keyId("alias/" + prefix + "-data"))
              .keyMetadata()
              .keyStateAsString());
      for (String role : List.of("glue-crawler", "firehose-delivery")) {
        facts.put(
            "iam role " + role, iam.getRole(b -> b.roleName(prefix + "-" + role)).role().arn());
      }
    }
    facts.replaceAll((name, value) -> value.replace(prefix, "P"));
    return facts;
  }

  /**
   * A redrive policy as its target queue and receive count (either may be JSON string or number).
   */
  private static String redrive(String value) {
    if (!value.startsWith("{")) {
      return value;
    }
    JsonNode policy = JSON.readTree(value);
    String target = policy.path("deadLetterTargetArn").asString();
    return "to "
        + target.substring(target.lastIndexOf(':') + 1)
        + " after "
        + policy.path("maxReceiveCount").asString()
        + " receives";
  }

  private static <B extends AwsClientBuilder<B, C>, C> C aws(B builder) {
    return builder
        .endpointOverride(URI.create(BackingServices.awsEndpoint()))
        .region(Region.of(BackingServices.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    BackingServices.EMULATOR_CREDENTIAL, BackingServices.EMULATOR_CREDENTIAL)))
        .build();
  }
}
