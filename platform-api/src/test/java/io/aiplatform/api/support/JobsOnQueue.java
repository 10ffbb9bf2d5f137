package io.aiplatform.api.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Everything that arrived on this JVM's jobs queue. Receiving hides a message from other readers,
 * so every receive is drained into one shared list that each test searches for its own system.
 */
public final class JobsOnQueue {

  /** A received job: its body and its SQS attributes. */
  public record Received(String body, String groupId, String deduplicationId) {}

  private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

  private JobsOnQueue() {}

  /** Receives once (waiting at most a second) and returns everything received so far. */
  public static synchronized List<Received> poll() {
    String url = TestQueues.url(TestQueues.JOBS);
    List<Message> messages =
        TestQueues.client()
            .receiveMessage(
                b ->
                    b.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
            .join()
            .messages();
    for (Message m : messages) {
      Map<MessageSystemAttributeName, String> a = m.attributes();
      RECEIVED.add(
          new Received(
              m.body(),
              a.get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
              a.get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)));
      TestQueues.client()
          .deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()))
          .join();
    }
    return List.copyOf(RECEIVED);
  }

  /** Jobs received so far whose message group (system id) is the given one. */
  public static List<Received> forSystem(String systemId) {
    return poll().stream().filter(r -> systemId.equals(r.groupId())).toList();
  }

  /** Jobs received so far whose body mentions the text (e.g. a system name). */
  public static List<Received> mentioning(String text) {
    return List.copyOf(RECEIVED).stream().filter(r -> r.body().contains(text)).toList();
  }
}
