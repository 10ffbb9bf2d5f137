package io.aiplatform.worker.resources;

import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sts.StsClient;

/** The account the worker runs in, asked once: Glue tags are read by ARN, which needs it. */
@Component
class AwsAccount {

  private final StsClient sts;
  private volatile String id;

  AwsAccount(StsClient sts) {
    this.sts = sts;
  }

  String id() {
    String known = id;
    if (known == null) {
      known = sts.getCallerIdentity().account();
      id = known;
    }
    return known;
  }
}
