package io.aiplatform.api.provisioning;

import io.aiplatform.api.ApiProperties;
import java.time.Duration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again the jobs whose first send failed, e.g. while SQS was unreachable, and purges sent
 * jobs once they are older than the retention (they stay a while for investigations).
 */
@Component
class OutboxResubmission {

  private final IncompleteEventPublications incomplete;
  private final CompletedEventPublications completed;
  private final Duration olderThan;
  private final Duration retainCompleted;

  OutboxResubmission(
      IncompleteEventPublications incomplete,
      CompletedEventPublications completed,
      ApiProperties properties) {
    this.incomplete = incomplete;
    this.completed = completed;
    this.olderThan = properties.outbox().resubmitOlderThan();
    this.retainCompleted = properties.outbox().retainCompleted();
  }

  @Scheduled(
      fixedDelayString = "${platform.api.outbox.resubmit-interval:30s}",
      initialDelayString = "${platform.api.outbox.resubmit-interval:30s}")
  void resubmit() {
    incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void purgeCompleted() {
    completed.deletePublicationsOlderThan(retainCompleted);
  }
}
