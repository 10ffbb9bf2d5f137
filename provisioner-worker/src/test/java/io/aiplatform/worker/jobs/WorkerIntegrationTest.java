package io.aiplatform.worker.jobs;

import static org.awaitility.Awaitility.await;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.SystemSpec;
import io.aiplatform.testsupport.BackingServices;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context every worker integration test shares: its own FIFO jobs queue with a
 * DLQ, its own results queue, a KMS key, an EventBridge target, DMS settings, short timers, and the
 * {@link Faults} injector in every AWS client.
 */
@SpringBootTest
@Import(FaultsConfiguration.class)
abstract class WorkerIntegrationTest {

  static final String PREFIX = "it" + hex(4);
  static final int MAX_RECEIVE_COUNT = 5;
  static final String CRAWLER_ROLE = "arn:aws:iam::123456789012:role/it-crawler";
  static final String REPLICATION_INSTANCE = "arn:aws:dms:us-east-1:123456789012:rep:it-instance";
  static final String SOURCE_ENDPOINT = "arn:aws:dms:us-east-1:123456789012:endpoint:it-source";
  static final String DMS_ROLE = "arn:aws:iam::123456789012:role/it-dms-s3";
  static final String ALARM_TOPIC = "arn:aws:sns:us-east-1:123456789012:it-alarms";
  static final Env ENV = Env.create();

  @Autowired Faults faults;
  @Autowired JsonMapper json;
  @Autowired S3Client s3;
  @Autowired GlueClient glue;
  @Autowired EventBridgeClient events;
  @Autowired DatabaseMigrationClient dms;
  @Autowired LambdaClient lambda;
  @Autowired ApiGatewayV2Client apiGateway;
  @Autowired CloudWatchClient cloudWatch;
  @Autowired CloudWatchLogsClient logs;

  Emulator emulator() {
    return new Emulator(s3, glue, events, dms, lambda, logs, cloudWatch);
  }

  /** Which of the job's resources exist now. */
  Map<String, Boolean> existence(ProvisioningJob job) {
    return emulator().existence(names(job));
  }

  /**
   * What the tests created in the emulator for the context.
   *
   * @param jobsQueueUrl the FIFO jobs queue
   * @param dlqUrl its dead-letter queue
   * @param resultsQueueUrl the results queue
   * @param kmsKeyArn the platform key
   * @param targetArn the EventBridge rule's target (a queue)
   * @param intentsTable the worker's create-intents table
   * @param functionRole the systems' functions' execution role
   * @param apiId the platform HTTP API
   * @param authorizerId its JWT authorizer
   */
  record Env(
      String jobsQueue,
      String jobsQueueUrl,
      String dlqUrl,
      String resultsQueue,
      String resultsQueueUrl,
      String kmsKeyArn,
      String targetArn,
      String intentsTable,
      String functionRole,
      String apiId,
      String authorizerId) {

    static Env create() {
      SqsClient sqs = sqs();
      String id = hex(6);
      String dlqUrl =
          sqs.createQueue(
                  b ->
                      b.queueName("it-jobs-dlq-" + id + ".fifo")
                          .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
              .queueUrl();
      String dlqArn = attribute(sqs, dlqUrl, QueueAttributeName.QUEUE_ARN);
      String jobsQueue = "it-jobs-" + id + ".fifo";
      String jobsUrl =
          sqs.createQueue(
                  b ->
                      b.queueName(jobsQueue)
                          .attributes(
                              Map.of(
                                  QueueAttributeName.FIFO_QUEUE,
                                  "true",
                                  QueueAttributeName.VISIBILITY_TIMEOUT,
                                  "6",
                                  QueueAttributeName.REDRIVE_POLICY,
                                  "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
                                      .formatted(dlqArn, MAX_RECEIVE_COUNT))))
              .queueUrl();
      String resultsQueue = "it-results-" + id;
      String resultsUrl = sqs.createQueue(b -> b.queueName(resultsQueue)).queueUrl();
      String targetUrl = sqs.createQueue(b -> b.queueName("it-events-" + id)).queueUrl();
      String targetArn = attribute(sqs, targetUrl, QueueAttributeName.QUEUE_ARN);
      String keyArn;
      try (KmsClient kms = aws(KmsClient.builder())) {
        keyArn = kms.createKey(b -> b.description("it platform key")).keyMetadata().arn();
      }
      String intentsTable = "it-intents-" + id;
      try (DynamoDbClient dynamo = aws(DynamoDbClient.builder())) {
        dynamo.createTable(
            b ->
                b.tableName(intentsTable)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("resource").keyType(KeyType.HASH))
                    .attributeDefinitions(
                        a -> a.attributeName("resource").attributeType(ScalarAttributeType.S)));
      }
      String functionRole;
      try (IamClient iam = aws(IamClient.builder())) {
        functionRole =
            iam.createRole(b -> b.roleName("it-function-" + id).assumeRolePolicyDocument("{}"))
                .role()
                .arn();
      }
      String apiId;
      String authorizerId;
      try (ApiGatewayV2Client api = aws(ApiGatewayV2Client.builder())) {
        apiId =
            api.createApi(b -> b.name("it-platform-" + id).protocolType(ProtocolType.HTTP)).apiId();
        authorizerId =
            api.createAuthorizer(
                    b ->
                        b.apiId(apiId)
                            .name("it-jwt")
                            .authorizerType(AuthorizerType.JWT)
                            .identitySource("$request.header.Authorization")
                            .jwtConfiguration(
                                j -> j.issuer("https://issuer.it.local").audience("it")))
                .authorizerId();
      }
      return new Env(
          jobsQueue,
          jobsUrl,
          dlqUrl,
          resultsQueue,
          resultsUrl,
          keyArn,
          targetArn,
          intentsTable,
          functionRole,
          apiId,
          authorizerId);
    }
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    BackingServices.registerAws(registry);
    Map<String, Object> settings =
        Map.ofEntries(
            Map.entry("resource-prefix", PREFIX),
            Map.entry("jobs-queue", ENV.jobsQueue()),
            Map.entry("results-queue", ENV.resultsQueue()),
            Map.entry("intents-table", ENV.intentsTable()),
            Map.entry("concurrency", "4"),
            Map.entry("poll-timeout", "1s"),
            Map.entry("visibility-extension", "6s"),
            Map.entry("retry-base-delay", "1s"),
            Map.entry("retry-max-delay", "4s"),
            Map.entry("buckets.kms-key-id", ENV.kmsKeyArn()),
            Map.entry("glue.crawler-role-arn", CRAWLER_ROLE),
            Map.entry("eventbridge.target-arn", ENV.targetArn()),
            Map.entry("dms.replication-instance-arn", REPLICATION_INSTANCE),
            Map.entry("dms.source-endpoint-arn", SOURCE_ENDPOINT),
            Map.entry("dms.source-schema", "sales"),
            Map.entry("dms.s3-service-role-arn", DMS_ROLE),
            Map.entry("functions.execution-role-arn", ENV.functionRole()),
            Map.entry("api.id", ENV.apiId()),
            Map.entry("api.authorizer-id", ENV.authorizerId()),
            Map.entry("alarms.topic-arn", ALARM_TOPIC));
    settings.forEach((name, value) -> registry.add("platform.worker." + name, () -> value));
  }

  /** A job for a fresh system with a unique name. */
  static ProvisioningJob provisionJob(List<String> dataSources) {
    return provisionJob(dataSources, List.of(), null);
  }

  /**
   * A job for a fresh system with a unique name, compute settings and endpoints, whose paths start
   * with the system's name: routes are unique on the one platform API the tests share.
   */
  static ProvisioningJob provisionJob(
      List<String> dataSources,
      List<SystemSpec.Endpoint> endpoints,
      SystemSpec.LambdaConfig config) {
    String systemName = "s" + hex(4);
    List<SystemSpec.Endpoint> own =
        endpoints.stream()
            .map(e -> new SystemSpec.Endpoint("/" + systemName + e.path(), e.method()))
            .toList();
    SystemSpec spec = new SystemSpec(systemName, "integration test", dataSources, own, config);
    return new ProvisioningJob(
        ProvisioningJob.SCHEMA_VERSION,
        UUID.randomUUID(),
        UUID.randomUUID(),
        ProvisioningJob.Kind.PROVISION,
        1,
        spec,
        false,
        "it",
        Instant.now());
  }

  static ProvisioningJob deprovisionJob(ProvisioningJob provisioned, boolean deleteData) {
    return new ProvisioningJob(
        ProvisioningJob.SCHEMA_VERSION,
        UUID.randomUUID(),
        provisioned.systemId(),
        ProvisioningJob.Kind.DEPROVISION,
        provisioned.generation() + 1,
        provisioned.spec(),
        deleteData,
        "it",
        Instant.now());
  }

  static ResourceNames names(ProvisioningJob job) {
    return ResourceNames.of(PREFIX, job.spec().systemName());
  }

  /** Sends the job as platform-api does: plain JSON, no type header, group = system. */
  void send(ProvisioningJob job) {
    send(job, job.jobId().toString());
  }

  void send(ProvisioningJob job, String deduplicationId) {
    sqs()
        .sendMessage(
            b ->
                b.queueUrl(ENV.jobsQueueUrl())
                    .messageBody(json.writeValueAsString(job))
                    .messageGroupId(job.systemId().toString())
                    .messageDeduplicationId(deduplicationId));
  }

  /** Waits for {@code count} results of the job and answers them in arrival order. */
  List<ProvisioningResult> awaitResults(ProvisioningJob job, int count) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> ResultsInbox.of(this).forJob(job.jobId()), r -> r.size() >= count);
  }

  static SqsClient sqs() {
    return aws(SqsClient.builder());
  }

  /** A client of the emulator, outside the worker's context. */
  static <B extends AwsClientBuilder<B, C>, C> C aws(B builder) {
    return builder
        .endpointOverride(URI.create(BackingServices.awsEndpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(
            BackingServices.EMULATOR_CREDENTIAL, BackingServices.EMULATOR_CREDENTIAL));
  }

  private static String attribute(SqsClient sqs, String url, QueueAttributeName name) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(name)).attributes().get(name);
  }

  static String hex(int bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes; i++) {
      out.append("%02x".formatted(ThreadLocalRandom.current().nextInt(256)));
    }
    return out.toString();
  }
}
