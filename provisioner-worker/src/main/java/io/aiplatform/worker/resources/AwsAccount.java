package io.aiplatform.worker.resources;

import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The account and partition the worker runs in, asked of STS once: Glue tags are read by ARN, and a
 * function's permission names the platform API by ARN, so both must be the account's own, in its
 * partition ({@code aws}, {@code aws-us-gov}, {@code aws-cn}), never a literal {@code arn:aws:}.
 */
@Component
class AwsAccount {

  /** Who the worker is, as STS answered. */
  private record Identity(String id, String partition) {}

  private final StsClient sts;
  private volatile Identity identity;

  AwsAccount(StsClient sts) {
    this.sts = sts;
  }

  String id() {
    return identity().id();
  }

  /** The partition of the worker's own ARN, the second field of {@code arn:partition:...}. */
  String partition() {
    return identity().partition();
  }

  /** {@code arn:partition:service:region:account:resource}; region empty for global resources. */
  String arn(String service, String region, String resource) {
    return "arn:%s:%s:%s:%s:%s".formatted(partition(), service, region, id(), resource);
  }

  private Identity identity() {
    Identity known = identity;
    if (known == null) {
      GetCallerIdentityResponse caller = sts.getCallerIdentity();
      known = new Identity(caller.account(), caller.arn().split(":", 3)[1]);
      identity = known;
    }
    return known;
  }
}
