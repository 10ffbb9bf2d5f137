package io.aiplatform.e2e;

import io.aiplatform.contracts.ResourceNames;
import java.util.List;
import java.util.function.Function;

/**
 * A call of the worker that creates a resource, and the resource name its request carries.
 *
 * @param operation the AWS operation
 * @param name which of the system's names
 */
record CreateCall(String operation, Function<ResourceNames, String> name) {

  /**
   * The create of every resource kind a system with DMS replication and endpoints gets. The
   * integration's request names the function it invokes, the permission's URI the function it is
   * added to, a route's request its key, whose path starts with {@code P-S} ({@link
   * PlatformApi#register}).
   */
  static final List<CreateCall> EVERY_KIND =
      List.of(
          new CreateCall("CreateBucket", ResourceNames::raw),
          new CreateCall("CreateBucket", ResourceNames::prod),
          new CreateCall("CreateDatabase", ResourceNames::glueDatabase),
          new CreateCall("CreateCrawler", ResourceNames::crawler),
          new CreateCall("PutRule", ResourceNames::rule),
          new CreateCall("CreateEndpoint", ResourceNames::dmsEndpoint),
          new CreateCall("CreateReplicationTask", ResourceNames::dmsTask),
          new CreateCall("CreateLogGroup", ResourceNames::logGroup),
          new CreateCall("CreateFunction", ResourceNames::function),
          new CreateCall("CreateIntegration", ResourceNames::function),
          new CreateCall("AddPermission", ResourceNames::function),
          new CreateCall("CreateRoute", ResourceNames::dashboard),
          new CreateCall("PutDashboard", ResourceNames::dashboard),
          new CreateCall("PutMetricAlarm", ResourceNames::errorsAlarm),
          new CreateCall("PutMetricAlarm", ResourceNames::serverErrorsAlarm));
}
