package io.aiplatform.worker.resources;

import io.aiplatform.worker.WorkerProperties;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The platform KMS key as a key ARN, which CloudWatch Logs needs where S3 also takes an alias:
 * {@code PLATFORM_WORKER_BUCKETS_KMS_KEY_ID} as it is when it is a key ARN, else asked of KMS once.
 */
@Component
class PlatformKey {

  private final KmsClient kms;
  private final String keyId;
  private volatile String arn;

  PlatformKey(KmsClient kms, WorkerProperties properties) {
    this.kms = kms;
    this.keyId = properties.buckets().kmsKeyId();
  }

  String arn() {
    String known = arn;
    if (known == null) {
      known =
          keyId.startsWith("arn:") && keyId.contains(":key/")
              ? keyId
              : kms.describeKey(b -> b.keyId(keyId)).keyMetadata().arn();
      arn = known;
    }
    return known;
  }
}
