package io.aiplatform.api.prechecks;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetRoutesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read calls the checks make, one per question, each answering what it found. A call that fails
 * for any other reason than "not found" throws, and the checks as a whole are unavailable.
 */
class AwsLookups {

  /** Whose a bucket name is, as HeadBucket tells. */
  enum BucketOwner {
    /** 404: nobody has it. */
    NOBODY,
    /** 200: a bucket of this account. */
    THIS_ACCOUNT,
    /** 403: a bucket of another account. */
    OTHER_ACCOUNT,
    /** 301: a bucket in another region (of this or another account). */
    OTHER_REGION
  }

  /** The Service Quotas code of "General purpose buckets" (service code {@code s3}). */
  static final String BUCKET_QUOTA_CODE = "L-DC2B2D3D";

  private static final JsonMapper SECRETS = JsonMapper.builder().build();

  private static final Logger log = LoggerFactory.getLogger(AwsLookups.class);

  private final PrecheckClients.Clients aws;

  AwsLookups(PrecheckClients.Clients aws) {
    this.aws = aws;
  }

  BucketOwner bucket(String name) {
    S3Client s3 = aws.s3();
    try {
      s3.headBucket(b -> b.bucket(name));
      return BucketOwner.THIS_ACCOUNT;
    } catch (S3Exception e) {
      return switch (e.statusCode()) {
        case 404 -> BucketOwner.NOBODY;
        case 403 -> BucketOwner.OTHER_ACCOUNT;
        case 301 -> BucketOwner.OTHER_REGION;
        default -> throw e;
      };
    }
  }

  boolean glueDatabase(String name) {
    GlueClient glue = aws.glue();
    try {
      glue.getDatabase(b -> b.name(name));
      return true;
    } catch (EntityNotFoundException e) {
      return false;
    }
  }

  boolean crawler(String name) {
    try {
      aws.glue().getCrawler(b -> b.name(name));
      return true;
    } catch (EntityNotFoundException e) {
      return false;
    }
  }

  boolean rule(String name) {
    EventBridgeClient events = aws.eventBridge();
    try {
      events.describeRule(b -> b.name(name));
      return true;
    } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException e) {
      return false;
    }
  }

  boolean function(String name) {
    LambdaClient lambda = aws.lambda();
    try {
      lambda.getFunction(b -> b.functionName(name));
      return true;
    } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
      return false;
    }
  }

  /** The route keys ({@code METHOD path}) of the HTTP API, every page. */
  Set<String> routes(String apiId) {
    ApiGatewayV2Client api = aws.apiGateway();
    Set<String> keys = new HashSet<>();
    String next = null;
    do {
      String token = next;
      GetRoutesResponse page = api.getRoutes(b -> b.apiId(apiId).nextToken(token));
      page.items().stream().map(Route::routeKey).forEach(keys::add);
      next = page.nextToken();
    } while (next != null && !next.isEmpty());
    return keys;
  }

  boolean dmsTask(String identifier) {
    DatabaseMigrationClient dms = aws.dms();
    try {
      return !dms.describeReplicationTasks(
              b -> b.filters(f -> f.name("replication-task-id").values(identifier)))
          .replicationTasks()
          .isEmpty();
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  /** The DMS endpoint of that ARN, or empty when there is none. */
  Optional<Endpoint> dmsEndpoint(String arn) {
    try {
      return aws
          .dms()
          .describeEndpoints(b -> b.filters(f -> f.name("endpoint-arn").values(arn)))
          .endpoints()
          .stream()
          .findFirst();
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The JSON fields of a Secrets Manager secret's string (a DMS source's connection). */
  JsonNode secretFields(String id) {
    String value = aws.secrets().getSecretValue(b -> b.secretId(id)).secretString();
    return SECRETS.readTree(value == null ? "{}" : value);
  }

  /** This account's general purpose buckets, counted over every page of ListBuckets. */
  int bucketCount() {
    return aws.s3().listBucketsPaginator(b -> b.maxBuckets(1000)).buckets().stream()
        .mapToInt(b -> 1)
        .sum();
  }

  /**
   * The account's applied bucket quota where Service Quotas answers for S3; empty where it does not
   * (it has answered NoSuchResourceException for S3, and the emulator always does).
   */
  OptionalInt bucketQuota() {
    ServiceQuotasClient quotas = aws.quotas();
    try {
      double value =
          quotas
              .getServiceQuota(b -> b.serviceCode("s3").quotaCode(BUCKET_QUOTA_CODE))
              .quota()
              .value();
      return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, value));
    } catch (AwsServiceException e) {
      log.debug("Service Quotas gave no S3 bucket quota: {}", e.awsErrorDetails().errorCode());
      return OptionalInt.empty();
    }
  }
}
