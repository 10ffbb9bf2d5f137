package io.aiplatform.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients on the test emulator, with the few reads the Terraform end-to-end tests make. */
final class EmulatorClients implements AutoCloseable {

  private final S3Client s3 = Emulator.aws(S3Client.builder().forcePathStyle(true));
  private final KinesisClient kinesis = Emulator.aws(KinesisClient.builder());
  private final SqsClient sqs = Emulator.aws(SqsClient.builder());

  S3Client s3() {
    return s3;
  }

  void putEvent(String stream, String payload) {
    kinesis.putRecord(
        b ->
            b.streamName(stream)
                .partitionKey(UUID.randomUUID().toString())
                .data(SdkBytes.fromUtf8String(payload)));
  }

  /** Lines of the objects under {@code prefix} in {@code bucket} that contain {@code marker}. */
  List<String> linesContaining(String bucket, String prefix, String marker) {
    List<String> lines = new ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
        .contents()
        .forEach(
            object ->
                s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                    .asUtf8String()
                    .lines()
                    .filter(line -> line.contains(marker))
                    .forEach(lines::add));
    return lines;
  }

  List<String> queueNames(String prefix) {
    return sqs.listQueues(b -> b.queueNamePrefix(prefix + "-")).queueUrls();
  }

  boolean streamExists(String stream) {
    try {
      kinesis.describeStreamSummary(b -> b.streamName(stream));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  @Override
  public void close() {
    s3.close();
    kinesis.close();
    sqs.close();
  }
}
