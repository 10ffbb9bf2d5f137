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

  /** The create of every resource kind a system with DMS replication gets. */
  static final List<CreateCall> EVERY_KIND =
      List.of(
          new CreateCall("CreateBucket", ResourceNames::raw),
          new CreateCall("CreateBucket", ResourceNames::prod),
          new CreateCall("CreateDatabase", ResourceNames::glueDatabase),
          new CreateCall("CreateCrawler", ResourceNames::crawler),
          new CreateCall("PutRule", ResourceNames::rule),
          new CreateCall("CreateEndpoint", ResourceNames::dmsEndpoint),
          new CreateCall("CreateReplicationTask", ResourceNames::dmsTask));
}
