package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

class PoisonJobIntegrationTests extends WorkerIntegrationTest {

  @Test
  void aJobThatCannotBeReadEndsInTheDeadLetterQueueAfterTheAllowedReceives() {
    String marker = UUID.randomUUID().toString();
    String body = "{\"jobId\":null,\"marker\":\"" + marker + "\"}";
    sqs()
        .sendMessage(
            b ->
                b.queueUrl(ENV.jobsQueueUrl())
                    .messageBody(body)
                    .messageGroupId(marker)
                    .messageDeduplicationId(marker));

    // Queue visibility timeout 6 s, 5 receives allowed: about 30 s until SQS moves it.
    List<Message> dead =
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () ->
                    sqs()
                        .receiveMessage(
                            b ->
                                b.queueUrl(ENV.dlqUrl()).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages()
                        .stream()
                        .filter(m -> m.body().contains(marker))
                        .toList(),
                messages -> !messages.isEmpty());

    assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(body));
  }
}
