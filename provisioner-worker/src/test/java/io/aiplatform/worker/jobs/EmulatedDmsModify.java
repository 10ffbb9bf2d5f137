package io.aiplatform.worker.jobs;

import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationTaskRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * moto 5.2.1 has no DMS ModifyReplicationTask (it answers 500), which a change of a system's {@code
 * data_sources} needs; this stands in for it at the SDK's HTTP layer, for the tests only: the call
 * is sent to the emulator as a harmless DescribeReplicationTasks of the same task, the table
 * mappings it carried are kept here, and every later DescribeReplicationTasks answer shows them for
 * that task, as DMS would. A fault rule can still refuse the call before it goes out.
 */
final class EmulatedDmsModify implements AwsSyncClientCustomizer {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, String> mappings = new ConcurrentHashMap<>();

  /** How many ModifyReplicationTask calls reached the emulator. */
  int modifications() {
    return modified;
  }

  private volatile int modified;

  @Override
  public void customize(AwsSyncClientBuilder<?, ?> builder) {
    SdkClientBuilder<?, ?> awsBuilder = (SdkClientBuilder<?, ?>) builder;
    awsBuilder.overrideConfiguration(
        awsBuilder.overrideConfiguration().toBuilder()
            .addExecutionInterceptor(new StandIn())
            .build());
  }

  private final class StandIn implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(
        Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      if (!(context.request() instanceof ModifyReplicationTaskRequest modify)) {
        return context.httpRequest();
      }
      mappings.put(modify.replicationTaskArn(), modify.tableMappings());
      modified++;
      return context.httpRequest().toBuilder()
          .putHeader("X-Amz-Target", "AmazonDMSv20160101.DescribeReplicationTasks")
          .putHeader("Content-Length", String.valueOf(describe(modify).length))
          .build();
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(
        Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      SdkRequest request = context.request();
      if (request instanceof ModifyReplicationTaskRequest modify) {
        return Optional.of(RequestBody.fromBytes(describe(modify)));
      }
      return context.requestBody();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
        Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      Optional<InputStream> body = context.responseBody();
      if (body.isEmpty() || mappings.isEmpty() || !"DescribeReplicationTasks".equals(operation)) {
        return body;
      }
      try (InputStream in = body.get()) {
        JsonNode answer = JSON.readTree(in.readAllBytes());
        for (JsonNode task : answer.path("ReplicationTasks")) {
          String kept = mappings.get(task.path("ReplicationTaskArn").asString(""));
          if (kept != null) {
            ((ObjectNode) task).put("TableMappings", kept);
          }
        }
        return Optional.of(new ByteArrayInputStream(JSON.writeValueAsBytes(answer)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static byte[] describe(ModifyReplicationTaskRequest modify) {
    return ("{\"Filters\":[{\"Name\":\"replication-task-arn\",\"Values\":[\"%s\"]}]}"
            .formatted(modify.replicationTaskArn()))
        .getBytes(StandardCharsets.UTF_8);
  }
}
