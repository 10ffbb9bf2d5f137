package io.aiplatform.api.support;

import io.aiplatform.testsupport.BackingServices;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queues of this test JVM, created once in the shared emulator under unique names (the
 * application never creates queues).
 */
public final class TestQueues {

  public static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  public static final String JOBS = "api-test-jobs-" + SUFFIX + ".fifo";
  public static final String RESULTS = "api-test-results-" + SUFFIX;
  public static final String JOBS_DLQ = "api-test-jobs-dlq-" + SUFFIX + ".fifo";

  private static SqsAsyncClient client;
  private static boolean created;

  private TestQueues() {}

  /** A client for the emulator, for tests that look at or feed the queues. */
  public static synchronized SqsAsyncClient client() {
    if (client == null) {
      client =
          SqsAsyncClient.builder()
              .endpointOverride(URI.create(BackingServices.awsEndpoint()))
              .region(Region.of(BackingServices.REGION))
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(
                          BackingServices.EMULATOR_CREDENTIAL,
                          BackingServices.EMULATOR_CREDENTIAL)))
              .build();
    }
    return client;
  }

  public static synchronized void createAll() {
    if (created) {
      return;
    }
    fifo(JOBS);
    fifo(JOBS_DLQ);
    client().createQueue(b -> b.queueName(RESULTS)).join();
    created = true;
  }

  /**
   * Queues of their own for a second application context, so that its listeners never take the
   * shared context's messages; returns the properties that point platform-api at them.
   */
  public static Map<String, String> createOwn(String suffix) {
    String jobs = "api-test-jobs-" + suffix + ".fifo";
    String dlq = "api-test-jobs-dlq-" + suffix + ".fifo";
    String results = "api-test-results-" + suffix;
    fifo(jobs);
    fifo(dlq);
    client().createQueue(b -> b.queueName(results)).join();
    return Map.of(
        "platform.api.jobs-queue", jobs,
        "platform.api.jobs-dlq", dlq,
        "platform.api.results-queue", results);
  }

  public static String url(String name) {
    return client().getQueueUrl(b -> b.queueName(name)).join().queueUrl();
  }

  private static void fifo(String name) {
    client()
        .createQueue(
            b ->
                b.queueName(name)
                    .attributes(
                        Map.of(
                            QueueAttributeName.FIFO_QUEUE, "true",
                            QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")))
        .join();
  }
}
