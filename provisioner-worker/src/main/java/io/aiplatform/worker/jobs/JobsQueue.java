package io.aiplatform.worker.jobs;

import io.aiplatform.worker.WorkerProperties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the worker needs to know about the jobs queue: how many receives its redrive policy allows
 * before SQS moves a message to the DLQ. Read once, since it only changes with a deploy.
 */
@Component
class JobsQueue {

  /** Without a redrive policy a message could come back forever. */
  static final int NO_LIMIT = Integer.MAX_VALUE;

  private final SqsAsyncClient sqs;
  private final WorkerProperties properties;
  private final JsonMapper json;
  private final ConcurrentMap<String, Integer> maxReceiveCounts = new ConcurrentHashMap<>();

  JobsQueue(SqsAsyncClient sqs, WorkerProperties properties, JsonMapper json) {
    this.sqs = sqs;
    this.properties = properties;
    this.json = json;
  }

  int maxReceiveCount() {
    return maxReceiveCounts.computeIfAbsent(properties.jobsQueue(), this::read);
  }

  private int read(String queue) {
    String url = sqs.getQueueUrl(b -> b.queueName(queue)).join().queueUrl();
    String policy =
        sqs.getQueueAttributes(
                b -> b.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
            .join()
            .attributes()
            .get(QueueAttributeName.REDRIVE_POLICY);
    if (policy == null || policy.isBlank()) {
      return NO_LIMIT;
    }
    JsonNode count = json.readTree(policy).get("maxReceiveCount");
    return count == null ? NO_LIMIT : count.asInt();
  }
}
