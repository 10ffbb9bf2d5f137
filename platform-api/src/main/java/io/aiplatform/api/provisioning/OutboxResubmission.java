package io.aiplatform.api.provisioning;

import io.aiplatform.api.ApiProperties;
import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends again the jobs whose first send failed, e.g. while SQS was unreachable. */
@Component
class OutboxResubmission {

  private final IncompleteEventPublications incomplete;
  private final Duration olderThan;

  OutboxResubmission(IncompleteEventPublications incomplete, ApiProperties properties) {
    this.incomplete = incomplete;
    this.olderThan = properties.outbox().resubmitOlderThan();
  }

  @Scheduled(
      fixedDelayString = "${platform.api.outbox.resubmit-interval:30s}",
      initialDelayString = "${platform.api.outbox.resubmit-interval:30s}")
  void resubmit() {
    incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
  }
}
