package io.aiplatform.api.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;

/**
 * Faults the emulator cannot produce, injected into the pre-checks' read calls at the SDK's HTTP
 * layer: a bucket another account owns (moto answers 404 for a bucket it does not have, where S3
 * answers 403 for another account's), and an AWS that cannot be reached.
 */
public final class AwsReadFaults implements ExecutionInterceptor {

  private final Set<String> foreignBuckets = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean unreachable = new AtomicBoolean();

  /** HeadBucket of this bucket answers 403, as S3 does for a bucket of another account. */
  public void ownedByAnotherAccount(String bucket) {
    foreignBuckets.add(bucket);
  }

  /** Every read call fails as if the endpoint could not be reached, until {@link #clear()}. */
  public void cutOff() {
    unreachable.set(true);
  }

  public void clear() {
    foreignBuckets.clear();
    unreachable.set(false);
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
    if (unreachable.get()) {
      throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
    }
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(
      Context.ModifyHttpResponse context, ExecutionAttributes attrs) {
    if (context.request() instanceof HeadBucketRequest head
        && foreignBuckets.contains(head.bucket())) {
      return context.httpResponse().toBuilder().statusCode(403).statusText("Forbidden").build();
    }
    return context.httpResponse();
  }
}
