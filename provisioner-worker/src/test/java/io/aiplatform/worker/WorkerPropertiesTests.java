package io.aiplatform.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class WorkerPropertiesTests {

  @Test
  void dmsReplicationIsOnOnlyWhenAllFourSettingsArePresent() {
    Map<String, String> all =
        Map.of(
            "dms.replication-instance-arn", "arn:rep",
            "dms.source-endpoint-arn", "arn:src",
            "dms.source-schema", "sales",
            "dms.s3-service-role-arn", "arn:role");

    assertThat(bind(Map.of()).dms().enabled()).isFalse();
    assertThat(bind(all).dms().enabled()).isTrue();
    for (String missing : all.keySet()) {
      Map<String, String> partial = new java.util.HashMap<>(all);
      partial.remove(missing);
      assertThat(bind(partial).dms().enabled()).as("without " + missing).isFalse();
    }
  }

  @Test
  void defaultsMatchTheDocumentedSettings() {
    WorkerProperties defaults = bind(Map.of());

    assertThat(defaults.jobsQueue()).isEqualTo("platform-provisioning-jobs.fifo");
    assertThat(defaults.resultsQueue()).isEqualTo("platform-provisioning-results");
    assertThat(defaults.intentsTable()).isEqualTo("platform-provisioning-intents");
    assertThat(defaults.awsMaxAttempts()).isEqualTo(5);
    assertThat(defaults.glue().crawlerSchedule()).isEqualTo("cron(0 */6 * * ? *)");
    assertThat(defaults.eventbridge().hasTarget()).isFalse();
    assertThat(defaults.buckets().rawTransitionStorageClass()).isEqualTo("STANDARD_IA");
  }

  @Test
  void functionApiAndAlarmDefaultsMatchTheDocumentedSettings() {
    WorkerProperties defaults = bind(Map.of());

    assertThat(defaults.functions().defaultMemory()).isEqualTo(512);
    assertThat(defaults.functions().defaultTimeout()).isEqualTo(30);
    assertThat(defaults.functions().defaultRuntime()).isEqualTo("python3.12");
    assertThat(defaults.functions().logRetentionDays()).isEqualTo(30);
    assertThat(defaults.functions().templates().python()).isEmpty();
    assertThat(defaults.api().enabled()).isFalse();
    assertThat(defaults.api().stage()).isEqualTo("$default");
    assertThat(defaults.alarms().topicArn()).isEmpty();
    assertThat(bind(Map.of("api.id", "abc", "api.authorizer-id", "xyz")).api().enabled()).isTrue();
    assertThat(bind(Map.of("api.id", "abc")).api().enabled()).isFalse();
  }

  @Test
  void runtimeEnvironmentVariablesBind() {
    Map<String, Object> env =
        Map.of(
            "PLATFORM_WORKER_FUNCTIONS_EXECUTION_ROLE_ARN", "arn:fn-role",
            "PLATFORM_WORKER_FUNCTIONS_TEMPLATES_NODEJS", "s3://templates/nodejs.zip",
            "PLATFORM_WORKER_API_AUTHORIZER_ID", "auth1",
            "PLATFORM_WORKER_ALARMS_TOPIC_ARN", "arn:topic");
    StandardEnvironment environment = new StandardEnvironment();
    String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    environment.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, env));

    WorkerProperties properties =
        Binder.get(environment).bindOrCreate("platform.worker", WorkerProperties.class);

    assertThat(properties.functions().executionRoleArn()).isEqualTo("arn:fn-role");
    assertThat(properties.functions().templates().nodejs()).isEqualTo("s3://templates/nodejs.zip");
    assertThat(properties.api().authorizerId()).isEqualTo("auth1");
    assertThat(properties.alarms().topicArn()).isEqualTo("arn:topic");
  }

  @Test
  void documentedEnvironmentVariablesBind() {
    Map<String, Object> env =
        Map.of(
            "PLATFORM_WORKER_RESOURCE_PREFIX", "acme",
            "PLATFORM_WORKER_EVENTBRIDGE_TARGET_ARN", "arn:target",
            "PLATFORM_WORKER_BUCKETS_KMS_KEY_ID", "alias/k",
            "PLATFORM_WORKER_DMS_S3_SERVICE_ROLE_ARN", "arn:role");
    StandardEnvironment environment = new StandardEnvironment();
    String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    environment.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, env));

    WorkerProperties properties =
        Binder.get(environment).bindOrCreate("platform.worker", WorkerProperties.class);

    assertThat(properties.resourcePrefix()).isEqualTo("acme");
    assertThat(properties.eventbridge().targetArn()).isEqualTo("arn:target");
    assertThat(properties.buckets().kmsKeyId()).isEqualTo("alias/k");
    assertThat(properties.dms().s3ServiceRoleArn()).isEqualTo("arn:role");
  }

  private static WorkerProperties bind(Map<String, String> settings) {
    Map<String, String> prefixed = new java.util.HashMap<>();
    settings.forEach((k, v) -> prefixed.put("platform.worker." + k, v));
    prefixed.put("platform.worker.resource-prefix", "platform");
    return new Binder(new MapConfigurationPropertySource(prefixed))
        .bindOrCreate("platform.worker", WorkerProperties.class);
  }
}
