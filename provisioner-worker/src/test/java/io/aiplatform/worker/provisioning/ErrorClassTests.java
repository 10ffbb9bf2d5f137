package io.aiplatform.worker.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ErrorClassTests {

  @ParameterizedTest(name = "{1} with status {0} is {2}")
  @CsvSource({
    "400, ThrottlingException, TRANSIENT",
    "429, TooManyRequestsException, TRANSIENT",
    "503, SlowDown, TRANSIENT",
    "500, InternalError, TRANSIENT",
    "400, RequestTimeout, TRANSIENT",
    "403, AccessDenied, PERMANENT",
    "400, AccessDeniedException, PERMANENT",
    "400, ValidationException, PERMANENT",
    "400, LimitExceededException, PERMANENT",
    "409, BucketAlreadyExists, PERMANENT",
  })
  void classifiesAwsErrorsByCodeAndStatus(int status, String code, ErrorClass expected) {
    AwsServiceException error =
        AwsServiceException.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();

    assertThat(ErrorClass.of(error)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void clientSideFailuresSuchAsTimeoutsAreTransient() {
    assertThat(ErrorClass.of(ApiCallTimeoutException.create(1000))).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(ErrorClass.of(SdkClientException.create("connection reset")))
        .isEqualTo(ErrorClass.TRANSIENT);
  }

  @org.junit.jupiter.api.Test
  void aResourceThatIsStillSettlingIsTransient() {
    assertThat(ErrorClass.of(new ResourceSettlingException("creating", null)))
        .isEqualTo(ErrorClass.TRANSIENT);
  }

  @org.junit.jupiter.api.Test
  void aForeignResourceOrABugIsPermanent() {
    assertThat(ErrorClass.of(ForeignResourceException.taggedFor("S3_BUCKET", "x", null)))
        .isEqualTo(ErrorClass.PERMANENT);
    assertThat(ErrorClass.of(new IllegalStateException("bug"))).isEqualTo(ErrorClass.PERMANENT);
  }
}
