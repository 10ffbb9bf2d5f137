# ---------------------------------------------------------------------------------------------
# What each service is told at start-up: the names and ARNs of what it uses, as the
# environment variables of its settings table, and the database password as a secret.
# ---------------------------------------------------------------------------------------------

locals {
  common_environment = {
    LOGGING_STRUCTURED_FORMAT_CONSOLE = "ecs"
    SPRING_CLOUD_AWS_REGION_STATIC    = local.region
  }

  dms_environment = var.dms_source == null ? {} : {
    PLATFORM_WORKER_DMS_REPLICATION_INSTANCE_ARN = module.dms[0].replication_instance_arn
    PLATFORM_WORKER_DMS_SOURCE_ENDPOINT_ARN      = module.dms[0].source_endpoint_arn
    PLATFORM_WORKER_DMS_SOURCE_SCHEMA            = var.dms_source_schema
    PLATFORM_WORKER_DMS_S3_SERVICE_ROLE_ARN      = module.iam.dms_target_role_arn
  }

  # The database: the application's connections as its own role with RDS IAM tokens, Flyway
  # as the owner (the master user) through the managed secret, read when it connects. Neither
  # holds a password that a rotation could make stale.
  api_environment = {
    SERVER_PORT                              = "8080"
    SPRING_DATASOURCE_URL                    = module.database.app_jdbc_url
    SPRING_DATASOURCE_USERNAME               = module.database.app_username
    SPRING_DATASOURCE_DRIVER_CLASS_NAME      = "software.amazon.jdbc.Driver"
    SPRING_FLYWAY_URL                        = module.database.owner_jdbc_url
    SPRING_FLYWAY_USER                       = module.database.master_username
    SPRING_FLYWAY_DRIVER_CLASS_NAME          = "software.amazon.jdbc.Driver"
    PLATFORM_API_RESOURCE_PREFIX             = var.prefix
    PLATFORM_API_JOBS_QUEUE                  = module.messaging.jobs_queue_name
    PLATFORM_API_RESULTS_QUEUE               = module.messaging.results_queue_name
    PLATFORM_API_JOBS_DLQ                    = module.messaging.jobs_dlq_name
    PLATFORM_API_CORS_ALLOWED_ORIGINS        = join(",", var.cors_allowed_origins)
    PLATFORM_API_SECURITY_ISSUER             = module.api_gateway.issuer_uri
    PLATFORM_API_SECURITY_JWK_SET_URI        = module.api_gateway.jwk_set_uri
    PLATFORM_API_SECURITY_ALLOWED_CLIENT_IDS = join(",", module.api_gateway.client_ids)
    PLATFORM_API_SECURITY_READ_SCOPE         = module.api_gateway.read_scope
    PLATFORM_API_SECURITY_WRITE_SCOPE        = module.api_gateway.write_scope
    # Pre-checks of each registration against AWS (read calls, the task role's Precheck* grants).
    PLATFORM_API_PRECHECKS_ENABLED                 = "true"
    PLATFORM_API_PRECHECKS_API_ID                  = module.api_gateway.api_id
    PLATFORM_API_PRECHECKS_DMS_SOURCE_ENDPOINT_ARN = var.dms_source == null ? "" : module.dms[0].source_endpoint_arn
    PLATFORM_API_PRECHECKS_DMS_SOURCE_SCHEMA       = var.dms_source_schema
  }

  worker_environment = {
    SERVER_PORT                            = "8081"
    PLATFORM_WORKER_RESOURCE_PREFIX        = var.prefix
    PLATFORM_WORKER_JOBS_QUEUE             = module.messaging.jobs_queue_name
    PLATFORM_WORKER_RESULTS_QUEUE          = module.messaging.results_queue_name
    PLATFORM_WORKER_INTENTS_TABLE          = module.messaging.intents_table_name
    PLATFORM_WORKER_BUCKETS_KMS_KEY_ID     = module.kms.key_arn
    PLATFORM_WORKER_GLUE_CRAWLER_ROLE_ARN  = module.iam.crawler_role_arn
    PLATFORM_WORKER_EVENTBRIDGE_TARGET_ARN = module.messaging.raw_to_curated_queue_arn
  }

  # Each system's function, routes, dashboard and alarms (issue 15), on what this footprint made.
  worker_runtime_environment = {
    PLATFORM_WORKER_API_ID                       = module.api_gateway.api_id
    PLATFORM_WORKER_API_AUTHORIZER_ID            = module.api_gateway.authorizer_id
    PLATFORM_WORKER_API_STAGE                    = module.api_gateway.stage_name
    PLATFORM_WORKER_FUNCTIONS_EXECUTION_ROLE_ARN = module.iam.system_function_role_arn
    PLATFORM_WORKER_ALARMS_TOPIC_ARN             = module.monitoring.alarm_topic_arn
  }

  # Terraform uploads no code templates: empty, the worker's built-in handler per family. To use
  # your own, upload a zip per family into the template bucket (output function_templates_bucket)
  # and set function_template_keys = { python = "<key>" } (families python, nodejs, java).
  worker_template_environment = {
    for family in ["python", "nodejs", "java"] : "PLATFORM_WORKER_FUNCTIONS_TEMPLATES_${upper(family)}" => contains(keys(var.function_template_keys), family) ? "s3://${module.messaging.function_templates_bucket}/${var.function_template_keys[family]}" : ""
  }

  consumer_environment = {
    SERVER_PORT                               = "8082"
    PLATFORM_ENRICHMENT_STREAM_NAME           = module.messaging.stream_name
    PLATFORM_ENRICHMENT_APPLICATION_NAME      = module.messaging.enrichment_application_name
    PLATFORM_ENRICHMENT_REFERENCE_TABLE       = module.messaging.reference_table_name
    PLATFORM_ENRICHMENT_DELIVERY_STREAM       = module.messaging.delivery_stream_names["enriched"]
    PLATFORM_ENRICHMENT_ERROR_DELIVERY_STREAM = module.messaging.delivery_stream_names["errors"]
  }

  services = {
    "platform-api" = {
      image         = "${module.ecr.repository_urls["platform-api"]}:${var.image_tags["platform-api"]}"
      cpu           = var.task_sizes["platform-api"].cpu
      memory        = var.task_sizes["platform-api"].memory
      port          = 8080
      desired_count = var.api_min_count
      environment   = merge(local.common_environment, local.api_environment, lookup(var.extra_environment, "platform-api", {}))
      secrets       = lookup(var.extra_secrets, "platform-api", {})
    }
    "provisioner-worker" = {
      image         = "${module.ecr.repository_urls["provisioner-worker"]}:${var.image_tags["provisioner-worker"]}"
      cpu           = var.task_sizes["provisioner-worker"].cpu
      memory        = var.task_sizes["provisioner-worker"].memory
      port          = 8081
      desired_count = var.worker_min_count
      environment   = merge(local.common_environment, local.worker_environment, local.worker_runtime_environment, local.worker_template_environment, local.dms_environment, lookup(var.extra_environment, "provisioner-worker", {}))
      secrets       = lookup(var.extra_secrets, "provisioner-worker", {})
    }
    "enrichment-consumer" = {
      image         = "${module.ecr.repository_urls["enrichment-consumer"]}:${var.image_tags["enrichment-consumer"]}"
      cpu           = var.task_sizes["enrichment-consumer"].cpu
      memory        = var.task_sizes["enrichment-consumer"].memory
      port          = 8082
      desired_count = ceil(var.expected_shard_count / var.shards_per_consumer_task)
      environment   = merge(local.common_environment, local.consumer_environment, lookup(var.extra_environment, "enrichment-consumer", {}))
      secrets       = lookup(var.extra_secrets, "enrichment-consumer", {})
    }
  }
}
