package io.aiplatform.worker.jobs;

import io.aiplatform.contracts.ProvisioningResult;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

/** Everything the worker sent to the test results queue, drained on demand. */
final class ResultsInbox {

  private static volatile ResultsInbox instance;

  private final SqsClient sqs = WorkerIntegrationTest.sqs();
  private final JsonMapper json;
  private final List<ProvisioningResult> received = new CopyOnWriteArrayList<>();

  private ResultsInbox(JsonMapper json) {
    this.json = json;
  }

  static synchronized ResultsInbox of(WorkerIntegrationTest test) {
    if (instance == null) {
      instance = new ResultsInbox(test.json);
    }
    return instance;
  }

  synchronized List<ProvisioningResult> forJob(UUID jobId) {
    drain();
    return received.stream().filter(r -> r.jobId().equals(jobId)).toList();
  }

  private void drain() {
    String url = WorkerIntegrationTest.ENV.resultsQueueUrl();
    List<Message> messages =
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
            .messages();
    for (Message message : messages) {
      received.add(json.readValue(message.body(), ProvisioningResult.class));
      sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
    }
  }
}
