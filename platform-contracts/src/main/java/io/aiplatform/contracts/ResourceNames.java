package io.aiplatform.contracts;

import java.util.List;

/**
 * The names of one system's AWS resources under the platform's resource prefix (SPEC section 4,
 * seed 000). The one home of the naming rule: platform-api validates a registration against these
 * names, provisioner-worker creates resources under them.
 *
 * @param raw the raw data bucket
 * @param curated the curated data bucket
 * @param prod the production data bucket
 * @param glueDatabase the Glue database; Glue wants underscores, not hyphens
 * @param crawler the Glue crawler
 * @param rule the EventBridge rule
 * @param dmsEndpoint the per-system DMS S3 target endpoint
 * @param dmsTask the DMS replication task
 * @param function the system's Lambda function (AWS allows 64 characters)
 * @param logGroup the function's CloudWatch Logs group, where Lambda writes its logs
 * @param dashboard the system's CloudWatch dashboard
 * @param errorsAlarm the alarm on the function's errors
 * @param serverErrorsAlarm the alarm on the 5xx answers of the system's routes
 */
public record ResourceNames(
    String raw,
    String curated,
    String prod,
    String glueDatabase,
    String crawler,
    String rule,
    String dmsEndpoint,
    String dmsTask,
    String function,
    String logGroup,
    String dashboard,
    String errorsAlarm,
    String serverErrorsAlarm) {

  /** The names system {@code systemName} gets under {@code prefix}. */
  public static ResourceNames of(String prefix, String systemName) {
    String base = prefix + "-" + systemName;
    String function = base + "-handler";
    return new ResourceNames(
        base + "-raw",
        base + "-curated",
        base + "-prod",
        base.replace('-', '_') + "_db",
        base + "-crawler",
        base + "-raw-to-curated",
        base + "-raw-target",
        base + "-replication",
        function,
        "/aws/lambda/" + function,
        base,
        function + "-errors",
        base + "-5xx");
  }

  /** The three data buckets: raw, curated, prod. */
  public List<String> buckets() {
    return List.of(raw, curated, prod);
  }

  /**
   * Every name the system may get that AWS limits in length, whether or not it replicates with DMS
   * or has endpoints: a registration is valid only if each fits. The log group is left out: its
   * name is the function's behind a fixed path, and log group names may be 512 characters long.
   */
  public List<String> all() {
    return List.of(
        raw,
        curated,
        prod,
        glueDatabase,
        crawler,
        rule,
        dmsEndpoint,
        dmsTask,
        function,
        dashboard,
        errorsAlarm,
        serverErrorsAlarm);
  }
}
