package io.aiplatform.e2e;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * emulator ignores most of them and the local stack does not set them. Nor is DMS: the local
 * stack's replication instance and source endpoint are stand-ins (a placeholder source), while
 * terraform/emulator leaves DMS out (modules/dms needs a VPC and a source secret the emulator
 * cannot connect anyway); the names match what modules/platform gives them.
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
          "provisioning-intents",
          "enrichment",
          "enrichment-CoordinatorState",
          "enrichment-WorkerMetricStats");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ACCOUNT = "123456789012";

  private FootprintFacts() {}

  /** Every compared fact of the resources under {@code prefix}, by name. */
  static Map<String, String> of(String prefix) {
    Map<String, String> facts = new TreeMap<>();
    queues(prefix, facts);
    streamAndTables(prefix, facts);
    delivery(prefix, facts);
    keyAndRoles(prefix, facts);
    facts.replaceAll((name, value) -> value.replace(prefix, "P"));
    return facts;
  }

  private static void queues(String prefix, Map<String, String> facts) {
    try (SqsClient sqs = Emulator.aws(SqsClient.builder())) {
      for (String queue : QUEUES) {
        String url = sqs.getQueueUrl(b -> b.queueName(prefix + "-" + queue)).queueUrl();
        sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QUEUE_ATTRIBUTES))
            .attributes()
            .forEach((name, value) -> facts.put("sqs " + queue + " " + name, redrive(value)));
      }
    }
  }

  private static void streamAndTables(String prefix, Map<String, String> facts) {
    try (KinesisClient kinesis = Emulator.aws(KinesisClient.builder());
        DynamoDbClient dynamodb = Emulator.aws(DynamoDbClient.builder())) {
      var stream =
          kinesis
              .describeStreamSummary(b -> b.streamName(prefix + "-events"))
              .streamDescriptionSummary();
      facts.put("kinesis events shards", String.valueOf(stream.openShardCount()));
      facts.put("kinesis events retention", String.valueOf(stream.retentionPeriodHours()));
      for (String table : TABLES) {
        TableDescription t = dynamodb.describeTable(b -> b.tableName(prefix + "-" + table)).table();
        String key = "dynamodb " + table;
        facts.put(key + " key", t.keySchema().toString());
        facts.put(key + " attributes", sorted(t.attributeDefinitions()));
        t.globalSecondaryIndexes()
            .forEach(i -> facts.put(key + " index " + i.indexName(), i.keySchema().toString()));
      }
      var ttl =
          dynamodb
              .describeTimeToLive(b -> b.tableName(prefix + "-provisioning-intents"))
              .timeToLiveDescription();
      facts.put(
          "dynamodb provisioning-intents ttl",
          ttl.attributeName() + " " + ttl.timeToLiveStatusAsString());
      var items = dynamodb.scan(b -> b.tableName(prefix + "-product-reference")).items();
      facts.put(
          "dynamodb product-reference items", sorted(items.stream().map(TreeMap::new).toList()));
    }
  }

  private static void delivery(String prefix, Map<String, String> facts) {
    try (FirehoseClient firehose = Emulator.aws(FirehoseClient.builder());
        S3Client s3 = Emulator.aws(S3Client.builder().forcePathStyle(true))) {
      for (String stream : List.of("enriched-events", "enrichment-errors")) {
        ExtendedS3DestinationDescription to =
            firehose
                .describeDeliveryStream(b -> b.deliveryStreamName(prefix + "-" + stream))
                .deliveryStreamDescription()
                .destinations()
                .get(0)
                .extendedS3DestinationDescription();
        String key = "firehose " + stream;
        facts.put(key + " bucket", to.bucketARN());
        facts.put(key + " prefix", to.prefix());
        facts.put(key + " error prefix", to.errorOutputPrefix());
        facts.put(key + " compression", to.compressionFormatAsString());
        facts.put(key + " buffering", to.bufferingHints().toString());
        facts.put(key + " role", to.roleARN());
      }
      String bucket = prefix + "-enriched-data-" + ACCOUNT;
      s3.headBucket(b -> b.bucket(bucket));
      facts.put("s3 data bucket", bucket);
    }
  }

  private static void keyAndRoles(String prefix, Map<String, String> facts) {
    try (KmsClient kms = Emulator.aws(KmsClient.builder());
        IamClient iam = Emulator.aws(IamClient.builder().region(Region.AWS_GLOBAL))) {
      String alias = "alias/" + prefix + "-data";
      facts.put("kms alias", kms.describeKey(b -> b.keyId(alias)).keyMetadata().keyStateAsString());
      for (String role : List.of("glue-crawler", "firehose-delivery", "dms-s3")) {
        facts.put(
            "iam role " + role, iam.getRole(b -> b.roleName(prefix + "-" + role)).role().arn());
      }
    }
  }

  private static String sorted(List<?> values) {
    return values.stream().map(Object::toString).sorted().toList().toString();
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
}
